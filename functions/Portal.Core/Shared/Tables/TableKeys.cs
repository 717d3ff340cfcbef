namespace Portal.Core.Shared.Tables;

/// <summary>
/// Key rules every table shares. Each feature names its own tables in a <c>&lt;Feature&gt;Tables</c> class and builds its
/// keys in a <c>&lt;Feature&gt;Keys</c> class from these pieces; the feature's store is the only code that uses them.
/// </summary>
public static class TableKeys
{
    /// <summary>
    /// Newest first in RowKey order (the "log tail" pattern): ticks counted down from the maximum, fixed width, so that
    /// a plain ascending range query returns the latest rows first.
    /// </summary>
    public static string NewestFirst(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19");

    /// <summary>The newest-first key of a calendar date (its midnight, UTC).</summary>
    public static string NewestFirst(DateOnly date) => NewestFirst(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>
    /// The RowKey range of a newest-first list under <paramref name="prefix"/> between two dates, both included.
    /// The later date is the lower bound because the keys count down; ";" sorts after the ":" that ends a key's time, so the
    /// first instant of the day after <paramref name="to"/> stays out and the first instant of <paramref name="from"/> stays in.
    /// </summary>
    public static (string Lower, string Upper) NewestFirstRange(string prefix, DateOnly? from, DateOnly? to) =>
        (prefix + (to is { } t ? NewestFirst(t.AddDays(1)) + ";" : ""),
         prefix + (from is { } f ? NewestFirst(f) + ";" : "~"));

    /// <summary>
    /// True when a value taken from a request can be part of a key as it is: Azure forbids '/', '\', '#', '?' and
    /// control characters in keys (Azurite is more lenient, so this is checked here rather than found in production).
    /// </summary>
    public static bool IsSafe(string? value, int maxLength = 64) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && !value.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');
}
