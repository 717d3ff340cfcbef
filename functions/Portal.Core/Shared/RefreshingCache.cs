using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Shared;

/// <summary>
/// Company-wide reference data (settings, access groups, a counterparty's prices) held in memory per key. A value
/// younger than the lifetime is served as it is; an older one is still served while a fresh one loads in the
/// background, off the request's execution context, so a request after a quiet hour waits for no reload and pays
/// none of its storage requests. Only a key never loaded is read on the request. A change made through this instance
/// calls <see cref="Invalidate"/>, so it is seen here at once (and a load that started before it cannot put the old
/// value back); other instances see it within one refresh. Nothing that revokes access may rely on it: sessions are
/// checked against storage, and the switches that end access delete the sessions they end.
/// </summary>
public sealed class RefreshingCache<TKey, TValue>(TimeSpan lifetime, TimeProvider clock, ILogger logger) where TKey : notnull
{
    private sealed record Entry(TValue Value, DateTimeOffset LoadedAt);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<TKey, int> _versions = new();
    private readonly ConcurrentDictionary<TKey, byte> _refreshing = new();

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (clock.GetUtcNow() - entry.LoadedAt >= lifetime)
            {
                RefreshInBackground(key, load);
            }
            return entry.Value;
        }
        var version = VersionOf(key);
        var value = await load(cancellationToken);
        Keep(key, value, version);
        return value;
    }

    /// <summary>Forgets the key after a change made here; the next read loads it again.</summary>
    public void Invalidate(TKey key)
    {
        _versions.AddOrUpdate(key, 1, (_, v) => v + 1);
        _entries.TryRemove(key, out _);
    }

    private int VersionOf(TKey key) => _versions.GetValueOrDefault(key);

    private void Keep(TKey key, TValue value, int version)
    {
        // A change made while this load ran wins: its Invalidate bumped the version.
        if (VersionOf(key) == version)
        {
            _entries[key] = new Entry(value, clock.GetUtcNow());
        }
    }

    private void RefreshInBackground(TKey key, Func<CancellationToken, Task<TValue>> load)
    {
        if (!_refreshing.TryAdd(key, 0))
        {
            return;
        }
        var version = VersionOf(key);
        // Not on the caller's execution context: the reload's storage requests are nobody's request.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    Keep(key, await load(CancellationToken.None), version);
                }
                catch (Exception ex)
                {
                    // The old value keeps serving; the next read past its lifetime tries again.
                    logger.LogWarning(ex, "Refreshing cached {Key} failed", key);
                }
                finally
                {
                    _refreshing.TryRemove(key, out _);
                }
            });
        }
    }
}
