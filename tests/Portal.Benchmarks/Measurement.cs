using System.Collections.Concurrent;
using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>One timed call: how long it took, its HTTP status (200 for a raw storage call that succeeded), storage requests it cost (-1 unknown).</summary>
public readonly record struct Sample(double Milliseconds, int Status, int StorageRequests = -1);

/// <summary>Timed calls and the wall time they took together.</summary>
public sealed class Samples
{
    private readonly ConcurrentQueue<Sample> _items = new();

    public TimeSpan Wall { get; private set; }

    public void Add(Sample sample) => _items.Enqueue(sample);

    public void AddWall(TimeSpan wall) => Wall += wall;

    public void AddRange(Samples other)
    {
        foreach (var s in other._items)
        {
            _items.Enqueue(s);
        }
        Wall += other.Wall;
    }

    public IReadOnlyCollection<Sample> Items => _items;

    public int Count => _items.Count;

    public Stats Stats() => Benchmarks.Stats.Of(_items.ToList(), Wall);
}

public sealed record Stats(int Count, double P50, double P95, double P99, double Max, double PerSecond, int Errors5xx, int OtherErrors,
    int StorageMin, double StorageMean, int StorageMax, int OverTwoStorage)
{
    public static Stats Of(IReadOnlyList<Sample> samples, TimeSpan wall)
    {
        if (samples.Count == 0)
        {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        var storage = samples.Where(s => s.StorageRequests >= 0).Select(s => s.StorageRequests).ToArray();
        return new Stats(samples.Count, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1],
            wall.TotalSeconds > 0 ? samples.Count / wall.TotalSeconds : 0,
            samples.Count(s => s.Status >= 500),
            samples.Count(s => s.Status is < 200 or (>= 300 and < 500)),
            storage.Length == 0 ? -1 : storage.Min(), storage.Length == 0 ? -1 : storage.Average(), storage.Length == 0 ? -1 : storage.Max(),
            storage.Count(s => s > 2));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

public static class ClosedLoop
{
    /// <summary>
    /// <paramref name="clients"/> workers, each calling again as soon as its previous call returns (no think time),
    /// until <paramref name="total"/> calls are done. Worker i always acts as client i.
    /// </summary>
    public static async Task<Samples> RunAsync(int clients, int total, Func<int, int, Task<Sample>> call)
    {
        var samples = new Samples();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < total)
            {
                samples.Add(await call(worker, n));
            }
        })));
        samples.AddWall(Stopwatch.GetElapsedTime(started));
        return samples;
    }

    /// <summary>Times one storage call made with the Azure SDK directly.</summary>
    public static async Task<Sample> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 200, 1);
        }
        catch (Azure.RequestFailedException ex)
        {
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Status == 0 ? 599 : ex.Status, 1);
        }
    }
}

/// <summary>Requests finished per second of a run and the slowest of them, to tell a steady run from one with stalls.</summary>
public sealed class Timeline
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly object _gate = new();
    private readonly List<(int Count, double Max, int Slow)> _seconds = [];

    public const double SlowMilliseconds = 1000;

    public void Add(double milliseconds)
    {
        var second = (int)Stopwatch.GetElapsedTime(_started).TotalSeconds;
        lock (_gate)
        {
            while (_seconds.Count <= second)
            {
                _seconds.Add((0, 0, 0));
            }
            var (count, max, slow) = _seconds[second];
            _seconds[second] = (count + 1, Math.Max(max, milliseconds), slow + (milliseconds > SlowMilliseconds ? 1 : 0));
        }
    }

    /// <summary>Whole seconds from the start: requests finished in it, the slowest of them, how many took over a second.</summary>
    public IReadOnlyList<(int Second, int Count, double Max, int Slow)> Seconds(int upTo)
    {
        lock (_gate)
        {
            return _seconds.Take(upTo).Select((s, i) => (i, s.Count, s.Max, s.Slow)).ToList();
        }
    }
}
