using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Core.Shared;

/// <summary>
/// Counts the storage requests made while handling one HTTP request or queue message.
/// the quality budgets in docs/architecture.md budgets storage requests per endpoint, so the count has to be observable: the host opens a
/// scope per invocation, the SDK pipeline policy below adds to it, and the host logs it (and tests read it).
/// </summary>
public static class StorageRequestCounter
{
    private static readonly AsyncLocal<Scope?> Current = new();

    public static Scope Begin()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The number of storage requests in the innermost open scope, or 0 outside any scope.</summary>
    public static int CurrentCount => Current.Value?.Count ?? 0;

    internal static void Increment(bool write)
    {
        for (var scope = Current.Value; scope is not null; scope = scope.Parent)
        {
            scope.Add(write);
        }
    }

    public sealed class Scope : IDisposable
    {
        private int _count;
        private int _writes;

        internal Scope(Scope? parent) => Parent = parent;

        internal Scope? Parent { get; }

        /// <summary>All storage requests: reads and writes.</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>Requests that may change data (anything but GET and HEAD).</summary>
        public int Writes => Volatile.Read(ref _writes);

        internal void Add(bool write)
        {
            Interlocked.Increment(ref _count);
            if (write)
            {
                Interlocked.Increment(ref _writes);
            }
        }

        public void Dispose()
        {
            if (Current.Value == this)
            {
                Current.Value = Parent;
            }
        }
    }
}

/// <summary>Adds one to the current <see cref="StorageRequestCounter"/> scope for each storage request sent (retries included).</summary>
public sealed class StorageRequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    public static readonly StorageRequestCountingPolicy Instance = new();

    public override void OnSendingRequest(HttpMessage message) =>
        StorageRequestCounter.Increment(message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head);
}
