using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Core.Features.Ordering;

namespace Portal.Benchmarks;

public sealed record Check(bool Passed, string Text);

public sealed record LoadResult(
    int Clients,
    int DurationSeconds,
    TimeSpan Wall,
    TimeSpan Drain,
    IReadOnlyList<(string Operation, Stats Stats)> Operations,
    IReadOnlyDictionary<int, int> Statuses,
    long Requests,
    long RequestsInWindow,
    int ServerErrors,
    int CheckoutPosts,
    int CheckoutsAccepted,
    int Retries,
    int RetriesSameCheckout,
    int Completed,
    int Failed,
    int NotFinished,
    int OrdersExpected,
    int OrdersInLists,
    int OrdersReadBack,
    int Lost,
    int Duplicated,
    int DuplicateNumbers,
    int PoisonMessages,
    IReadOnlyList<(int Second, int Count, double Max, int Slow)> Seconds,
    IReadOnlyList<Check> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// The bounded load run: N clients for D seconds (and at most a fixed number of requests each), on loopback, mixing
/// browsing with ordering. Then it waits for every accepted checkout to finish and counts the orders against them.
/// </summary>
public sealed class LoadRun(BenchmarkOptions options, IReadOnlyList<BenchUser> users, IReadOnlyList<SeedProduct> products, string storageConnection,
    Failures failures, Action<string> progress)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const double RetryShare = 0.2;

    private sealed record Accepted(BenchUser User, string CheckoutId, string Reference);

    private readonly ConcurrentDictionary<string, Samples> _operations = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, Accepted> _accepted = new();
    private readonly ConcurrentDictionary<string, (string Status, IReadOnlyList<string> Orders)> _finished = new();
    private long _requests;
    private long _requestsInWindow;
    private volatile bool _draining;
    private Timeline _timeline = new();
    private int _posts;
    private int _retries;
    private int _retriesSame;

    public async Task<LoadResult> RunAsync()
    {
        var clients = users.Take(options.Clients).ToList();
        var searchTerms = Seeder.SearchTerms;
        var categories = products.Select(p => p.CategoryId).Distinct().ToArray();
        var deadline = Stopwatch.GetTimestamp() + (long)(options.Duration * (double)Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        _timeline = new Timeline();

        await Task.WhenAll(clients.Select((user, index) => Task.Run(async () =>
        {
            var random = new Random(options.Seed + 7919 * (index + 1));
            var orderIds = user.OrderIds.ToList();
            string? pending = null;
            var requests = 0;
            while (Stopwatch.GetTimestamp() < deadline && requests < options.MaxRequestsPerClient)
            {
                var roll = random.NextDouble();
                if (roll < 0.12)
                {
                    var category = random.Next(2) == 0 ? "" : "?category=" + categories[random.Next(categories.Length)];
                    await CallAsync(user, "GET products", "/api/products" + category);
                }
                else if (roll < 0.20)
                {
                    await CallAsync(user, "GET products?search", "/api/products?search=" + Uri.EscapeDataString(searchTerms[random.Next(searchTerms.Count)]));
                }
                else if (roll < 0.34)
                {
                    await CallAsync(user, "GET products/{sku}", "/api/products/" + products[random.Next(products.Count)].Sku);
                }
                else if (roll < 0.48)
                {
                    await CallAsync(user, "GET orders", "/api/orders" + (random.Next(4) == 0 ? "?status=inProgress" : ""));
                }
                else if (roll < 0.66)
                {
                    await CallAsync(user, "GET orders/{id}", "/api/orders/" + orderIds[random.Next(orderIds.Count)]);
                }
                else if (roll < 0.85)
                {
                    await CallAsync(user, "GET cart", "/api/cart");
                }
                else
                {
                    // A buyer orders again only once the previous order has gone through (the page shows its progress).
                    if (pending is not null)
                    {
                        requests += await WaitForAsync(pending);
                        if (_finished.TryGetValue(pending, out var done))
                        {
                            // The new orders are browsed like the old ones from now on.
                            orderIds.AddRange(done.Orders);
                        }
                    }
                    var (checkoutId, calls) = await OrderAsync(user, random, $"load-{index + 1}-{requests}");
                    requests += calls;
                    pending = checkoutId;
                    continue;
                }
                requests++;
            }
        })));
        var wall = Stopwatch.GetElapsedTime(started);
        _requestsInWindow = Interlocked.Read(ref _requests);
        progress($"  load: {_requests} requests in {wall.TotalSeconds:F0} s, {_accepted.Count} checkouts accepted; waiting for them to finish");

        _draining = true;
        var drainStarted = Stopwatch.GetTimestamp();
        await Seeder.ForEachAsync(_accepted.Values.Where(a => !_finished.ContainsKey(a.CheckoutId)).ToList(), 8, async a => await WaitForAsync(a.CheckoutId));
        var drain = Stopwatch.GetElapsedTime(drainStarted);

        return await CountAsync(clients, wall, drain);
    }

    private async Task<PortalResponse> CallAsync(BenchUser user, string operation, string path, HttpMethod? method = null, object? body = null,
        string? ifMatch = null, string? key = null)
    {
        var response = await user.Session.SendAsync(method ?? HttpMethod.Get, path, body, ifMatch, key);
        Interlocked.Increment(ref _requests);
        _statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
        _operations.GetOrAdd(operation, _ => new Samples()).Add(new Sample(response.Milliseconds, response.Status, response.StorageRequests));
        if (!_draining)
        {
            _timeline.Add(response.Milliseconds);
        }
        if (!response.IsSuccess)
        {
            failures.Record($"{(method ?? HttpMethod.Get).Method} {path}", response);
        }
        return response;
    }

    /// <summary>Fills the cart with 1–3 products and checks out with a fresh Idempotency-Key; sometimes sends the same request again.</summary>
    private async Task<(string? CheckoutId, int Calls)> OrderAsync(BenchUser user, Random random, string reference)
    {
        var calls = 0;
        PortalResponse last = default;
        var lines = 1 + random.Next(3);
        for (var i = 0; i < lines; i++)
        {
            var product = products[random.Next(products.Count)];
            last = await CallAsync(user, "POST cart/lines", "/api/cart/lines", HttpMethod.Post, new { sku = product.Sku, quantity = 1 + random.Next(10) });
            calls++;
            if (!last.IsSuccess)
            {
                return (null, calls);
            }
        }

        var key = Guid.NewGuid().ToString("N");
        var body = new { customerReference = reference };
        var retry = random.NextDouble() < RetryShare;
        var concurrent = retry && random.Next(2) == 0;
        PortalResponse first;
        PortalResponse? again = null;
        if (concurrent)
        {
            // A double click: the same request twice at once.
            var both = await Task.WhenAll(
                CallAsync(user, "POST checkouts", "/api/checkouts", HttpMethod.Post, body, last.ETag, key),
                CallAsync(user, "POST checkouts (retry)", "/api/checkouts", HttpMethod.Post, body, last.ETag, key));
            (first, again) = (both[0], both[1]);
            calls += 2;
        }
        else
        {
            first = await CallAsync(user, "POST checkouts", "/api/checkouts", HttpMethod.Post, body, last.ETag, key);
            calls++;
            if (retry)
            {
                // The answer was lost on the way: the browser sends the same request with the same key again.
                again = await CallAsync(user, "POST checkouts (retry)", "/api/checkouts", HttpMethod.Post, body, last.ETag, key);
                calls++;
            }
        }
        Interlocked.Increment(ref _posts);

        var ids = new[] { first, again }.OfType<PortalResponse>().Where(r => r.Status == 202).Select(r => r.Json().GetProperty("id").GetString()!).Distinct().ToList();
        foreach (var id in ids)
        {
            _accepted.TryAdd(id, new Accepted(user, id, reference));
        }
        if (again is { } second)
        {
            Interlocked.Increment(ref _retries);
            if (first.Status == 202 && second.Status == 202 && ids.Count == 1)
            {
                Interlocked.Increment(ref _retriesSame);
            }
            else
            {
                failures.Note($"retry with Idempotency-Key {key}: first {first.Status}, again {second.Status}, checkouts {string.Join(", ", ids)}");
            }
        }
        return (ids.FirstOrDefault(), calls);
    }

    /// <summary>Polls a checkout until it is no longer pending; returns the number of requests it took.</summary>
    private async Task<int> WaitForAsync(string checkoutId)
    {
        if (_finished.ContainsKey(checkoutId))
        {
            return 0;
        }
        var owner = _accepted[checkoutId].User;
        var started = Stopwatch.GetTimestamp();
        var polls = 0;
        while (true)
        {
            var answer = await CallAsync(owner, _draining ? "GET checkouts/{id} (after the window)" : "GET checkouts/{id}", "/api/checkouts/" + checkoutId);
            polls++;
            if (answer.IsSuccess)
            {
                var checkout = answer.Json();
                var status = checkout.GetProperty("status").GetString()!;
                if (status != "pending")
                {
                    _finished[checkoutId] = (status, Ordering.OrderIds(checkout));
                    if (status != "completed")
                    {
                        failures.Note($"checkout {checkoutId} {status}: {answer.Body}");
                    }
                    return polls;
                }
            }
            if (Stopwatch.GetElapsedTime(started) > Ordering.CompletionTimeout)
            {
                _finished[checkoutId] = ("pending", []);
                failures.Note($"checkout {checkoutId} still not finished after {Ordering.CompletionTimeout.TotalSeconds:F0} s");
                return polls;
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Counts every counterparty's orders, as its buyers see them, against what the accepted checkouts reported.</summary>
    private async Task<LoadResult> CountAsync(IReadOnlyList<BenchUser> clients, TimeSpan wall, TimeSpan drain)
    {
        var completed = _finished.Where(f => f.Value.Status == "completed").ToList();
        var expected = new Dictionary<string, (string Counterparty, string Reference)>();
        foreach (var (checkoutId, result) in completed)
        {
            var accepted = _accepted[checkoutId];
            foreach (var orderId in result.Orders)
            {
                expected[orderId] = (accepted.User.Buyer.CounterpartyId, accepted.Reference);
            }
        }

        // Every order in every involved counterparty's list (all pages, as its buyer sees it).
        var lists = new ConcurrentDictionary<string, List<(string Id, string Number, string? Reference)>>();
        await Seeder.ForEachAsync(clients.GroupBy(c => c.Buyer.CounterpartyId).Select(g => g.First()).ToList(), 4, async user =>
            lists[user.Buyer.CounterpartyId] = await ListAllOrdersAsync(user));
        var listed = lists.SelectMany(l => l.Value.Select(o => (Counterparty: l.Key, o.Id, o.Number, o.Reference))).ToList();

        var listedIds = listed.Select(o => (o.Counterparty, o.Id)).ToHashSet();
        var lost = expected.Count(e => !listedIds.Contains((e.Value.Counterparty, e.Key)));
        var duplicateIds = listed.GroupBy(o => (o.Counterparty, o.Id)).Sum(g => g.Count() - 1);
        // Orders carrying a load-run reference that no completed checkout reported: created twice, or by a checkout nobody was told about.
        var unexplained = listed.Count(o => o.Reference?.StartsWith("load-", StringComparison.Ordinal) == true && !expected.ContainsKey(o.Id));
        // One reference is one ordering action: a second checkout for it means a retry was not recognised.
        var extraCheckouts = _accepted.Values.GroupBy(a => (a.User.Buyer.CounterpartyId, a.Reference)).Sum(g => g.Count() - 1);
        var duplicateNumbers = listed.GroupBy(o => o.Number).Sum(g => g.Count() - 1);

        // Each reported order also reads back by id (its order row, not only its list row).
        var readBack = 0;
        var byCounterparty = clients.GroupBy(c => c.Buyer.CounterpartyId).ToDictionary(g => g.Key, g => g.First());
        await Seeder.ForEachAsync(expected.ToList(), 8, async e =>
        {
            var answer = await byCounterparty[e.Value.Counterparty].Session.GetAsync("/api/orders/" + e.Key);
            if (answer.IsSuccess)
            {
                Interlocked.Increment(ref readBack);
            }
            else
            {
                failures.Record("GET /api/orders/" + e.Key + " (count)", answer);
            }
        });

        var poison = new QueueClient(storageConnection, CheckoutService.QueueName + "-poison");
        var poisonCount = await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

        var statuses = _statuses.ToDictionary(s => s.Key, s => s.Value);
        var serverErrors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        var failed = _finished.Count(f => f.Value.Status == "failed");
        var notFinished = _accepted.Count - completed.Count - failed;
        var duplicated = duplicateIds + unexplained + extraCheckouts;
        var checks = new List<Check>
        {
            new(lost == 0 && notFinished == 0 && readBack == expected.Count,
                $"zero lost: {_accepted.Count} checkouts accepted, {completed.Count} completed, {failed} failed, {notFinished} not finished; " +
                $"{expected.Count} orders reported by them, {expected.Count - lost} in the counterparties' order lists, {readBack} read back by id"),
            new(duplicated == 0 && duplicateNumbers == 0,
                $"zero duplicated: {duplicateIds} repeated ids, {unexplained} orders no checkout reported, {extraCheckouts} extra checkouts for one ordering action, " +
                $"{duplicateNumbers} repeated order numbers among {listed.Count} listed orders"),
            new(serverErrors == 0, $"zero 5xx: {serverErrors} of {_requests} requests"),
            new(_retriesSame == _retries, $"retries with the same Idempotency-Key answered with the same checkout: {_retriesSame} of {_retries}"),
            new(failed == 0, $"no checkout failed ({failed}); every product ordered stayed orderable"),
            new(poisonCount == 0, $"no checkout message in {CheckoutService.QueueName}-poison ({poisonCount})"),
        };

        var operations = _operations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o =>
        {
            var items = o.Value.Items.ToList();
            return (o.Key, Stats.Of(items, wall));
        }).ToList();
        return new LoadResult(options.Clients, options.Duration, wall, drain, operations, statuses, _requests, _requestsInWindow, serverErrors, _posts, _accepted.Count,
            _retries, _retriesSame, completed.Count, failed, notFinished, expected.Count, expected.Count - lost, readBack, lost, duplicated, duplicateNumbers,
            poisonCount, _timeline.Seconds(options.Duration), checks);
    }

    private async Task<List<(string Id, string Number, string? Reference)>> ListAllOrdersAsync(BenchUser user)
    {
        var all = new List<(string, string, string?)>();
        string? continuation = null;
        do
        {
            var answer = await user.Session.GetAsync("/api/orders?pageSize=100" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            if (!answer.IsSuccess)
            {
                failures.Record("GET /api/orders (count)", answer);
                throw new InvalidOperationException($"Listing the orders of {user.Buyer.CounterpartyId} failed: {answer.Status} {answer.Body}");
            }
            var page = answer.Json();
            foreach (var order in page.GetProperty("items").EnumerateArray())
            {
                all.Add((order.GetProperty("id").GetString()!, order.GetProperty("number").GetString()!,
                    order.TryGetProperty("customerReference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null));
            }
            continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        } while (continuation is not null);
        return all;
    }
}
