namespace Portal.Core.Features.Ordering;

/// <summary>
/// Human-readable order numbers (SO-000123). They come from one counter row that <see cref="OrderingStore"/> updates
/// with optimistic concurrency, so two checkouts that race never get the same number.
/// </summary>
public static class OrderNumbers
{
    public static string Format(long value) => $"SO-{value:D6}";
}
