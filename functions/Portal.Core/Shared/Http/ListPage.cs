namespace Portal.Core.Shared.Http;

/// <summary>One page of a list, newest or alphabetical first; pass <see cref="Continuation"/> back for the next page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Continuation);

/// <summary>A whole (short) list: reference data, colleagues, a staff overview.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
