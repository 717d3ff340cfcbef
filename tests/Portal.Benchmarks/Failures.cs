using System.Collections.Concurrent;

namespace Portal.Benchmarks;

/// <summary>Unexpected answers seen anywhere in the run, with enough of each to find it in the portal's log.</summary>
public sealed class Failures
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _examples = new();
    private int _count;
    private int _serverErrors;

    public int Count => Volatile.Read(ref _count);
    public int ServerErrors => Volatile.Read(ref _serverErrors);
    public IReadOnlyCollection<string> Examples => _examples;

    public void Record(string request, PortalResponse response)
    {
        Interlocked.Increment(ref _count);
        if (response.Status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
        Note($"{request} → {response.Status}: {Shorten(response.Body)}");
    }

    public void Note(string text)
    {
        if (_examples.Count < Kept)
        {
            _examples.Enqueue(text);
        }
    }

    private static string Shorten(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ");
        return oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
