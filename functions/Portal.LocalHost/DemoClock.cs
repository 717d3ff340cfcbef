namespace Portal.LocalHost;

/// <summary>
/// The system clock, except inside <see cref="At"/>: the demo's year of history goes through the real services
/// (checkout, shipments, RMA and support requests), which take "now" from the <see cref="TimeProvider"/>, so the
/// seeding sets the clock back to the day each thing happened. The moment is an <see cref="AsyncLocal{T}"/>, so only
/// the seeding's own calls see it; requests served meanwhile, and the queue workers, see the real time.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    public static readonly DemoClock Instance = new();

    private static readonly AsyncLocal<DateTimeOffset?> Moment = new();

    private DemoClock()
    {
    }

    public override DateTimeOffset GetUtcNow() => Moment.Value ?? System.GetUtcNow();

    /// <summary>Until the result is disposed, the calling flow's "now" is <paramref name="moment"/>.</summary>
    public static IDisposable At(DateTimeOffset moment)
    {
        var previous = Moment.Value;
        Moment.Value = moment;
        return new Restore(previous);
    }

    private sealed class Restore(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Moment.Value = previous;
    }
}
