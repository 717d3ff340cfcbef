using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Portal.Core.Features.Ordering;

namespace Portal.Benchmarks;

public sealed record CheckoutResult(int Clients, Stats AddLine, Stats Post, Stats Completion, Stats ServerSide, int Completed, int Failed, int NotFinished,
    int OrdersCreated, double PollsPerCheckout);

/// <summary>
/// POST checkouts → completed: each client fills its cart with 1–3 products, sends the checkout and polls it
/// (every <see cref="PollInterval"/>) until the queue function has created the orders. The client-observed time
/// includes the queue's polling delay, exactly what a buyer waits; the server-recorded time (checkout row's
/// CreatedAt → CompletedAt) is given beside it.
/// </summary>
public sealed class CheckoutBenchmark(BenchmarkOptions options, IReadOnlyList<BenchUser> users, IReadOnlyList<SeedProduct> products, TableServiceClient raw,
    Failures failures, Action<string> progress)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<List<CheckoutResult>> RunAsync()
    {
        // Start from empty carts: the cart read measurement left lines in them.
        foreach (var user in users)
        {
            var cleared = await user.Session.SendAsync(HttpMethod.Delete, "/api/cart", null);
            if (!cleared.IsSuccess)
            {
                failures.Record("DELETE /api/cart", cleared);
            }
        }

        var results = new List<CheckoutResult>();
        foreach (var clients in options.Levels)
        {
            var active = users.Take(clients).ToList();
            // Warm-up: one checkout per client, not counted.
            await ClosedLoop.RunAsync(clients, clients, (w, n) => OneAsync(active[w], $"warm-{clients}-{n}", null));

            var run = new Run();
            var completion = await ClosedLoop.RunAsync(clients, options.Checkouts, (w, n) => OneAsync(active[w], $"bench-{clients}-{n}", run));
            var serverSide = new Samples();
            var table = raw.GetTableClient(OrderingTables.Orders);
            foreach (var (counterparty, id) in run.Checkouts)
            {
                var row = await table.GetEntityIfExistsAsync<CheckoutEntity>(counterparty, OrderingKeys.Checkout(id));
                if (row.HasValue && row.Value!.CompletedAt is { } completedAt)
                {
                    serverSide.Add(new Sample((completedAt - row.Value.CreatedAt).TotalMilliseconds, 200));
                }
            }
            var result = new CheckoutResult(clients, run.AddLine.Stats(), run.Post.Stats(), completion.Stats(), serverSide.Stats(),
                run.Completed, run.Failed, run.NotFinished, run.Orders, run.Checkouts.Count == 0 ? 0 : (double)run.Polls / run.Checkouts.Count);
            results.Add(result);
            progress($"  checkout {clients,2} client(s): POST p95 {result.Post.P95:F1} ms, completed p50 {result.Completion.P50:F0} ms / p95 {result.Completion.P95:F0} ms, " +
                     $"{result.Completed} completed, {result.Failed} failed, {result.NotFinished} not finished");
        }
        return results;
    }

    private sealed class Run
    {
        public Samples AddLine { get; } = new();
        public Samples Post { get; } = new();
        public ConcurrentQueue<(string Counterparty, string Id)> Checkouts { get; } = new();
        public int Completed;
        public int Failed;
        public int NotFinished;
        public int Orders;
        public int Polls;
    }

    private async Task<Sample> OneAsync(BenchUser user, string reference, Run? run)
    {
        var random = new Random(Ordering.StableSeed(options.Seed, reference));
        var adds = await Ordering.AddLinesAsync(user.Session, products, random);
        foreach (var add in adds)
        {
            run?.AddLine.Add(new Sample(add.Milliseconds, add.Status, add.StorageRequests));
        }
        var last = adds[^1];
        if (!last.IsSuccess)
        {
            failures.Record("POST /api/cart/lines", last);
            return new Sample(last.Milliseconds, last.Status);
        }

        var started = Stopwatch.GetTimestamp();
        var post = await Ordering.CheckoutAsync(user.Session, last.ETag!, Guid.NewGuid().ToString("N"), reference);
        run?.Post.Add(new Sample(post.Milliseconds, post.Status, post.StorageRequests));
        if (post.Status != 202)
        {
            failures.Record("POST /api/checkouts", post);
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, post.Status);
        }
        var id = post.Json().GetProperty("id").GetString()!;
        var (status, checkout, polls, failure) = await Ordering.WaitAsync(user.Session, id, PollInterval, Ordering.CompletionTimeout);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (failure is { } f)
        {
            failures.Record("GET /api/checkouts/" + id, f);
        }
        if (run is not null)
        {
            run.Checkouts.Enqueue((user.Buyer.CounterpartyId, id));
            Interlocked.Add(ref run.Polls, polls);
            switch (status)
            {
                case "completed":
                    Interlocked.Increment(ref run.Completed);
                    Interlocked.Add(ref run.Orders, Ordering.OrderIds(checkout).Count);
                    break;
                case "failed":
                    Interlocked.Increment(ref run.Failed);
                    failures.Note($"checkout {id} failed: {checkout.GetProperty("failureReason").GetString()}");
                    break;
                default:
                    Interlocked.Increment(ref run.NotFinished);
                    break;
            }
        }
        return new Sample(elapsed, status == "completed" ? 200 : status == "error" ? failure!.Value.Status : 0);
    }
}
