using Azure.Data.Tables;
using Portal.Core.Shared.Tables;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Ordering;

namespace Portal.Benchmarks;

/// <summary>A signed-in buyer as a benchmark client, with ids of its counterparty's orders to read.</summary>
public sealed record BenchUser(Buyer Buyer, PortalSession Session, string[] OrderIds);

public sealed record ColdCall(string Endpoint, int StorageRequests, double Milliseconds, int Status);

public sealed record ReadResult(string Endpoint, string Floor, int Clients, Stats Portal, Stats Raw, IReadOnlyList<double> BatchRatios)
{
    public double Ratio => Raw.P95 > 0 ? Portal.P95 / Raw.P95 : double.NaN;
}

/// <summary>
/// Each customer read endpoint against the raw Azurite request it stands on, at each client count, in the same
/// run: the same clients, the same targets, batches alternating between portal and raw so that drift in the
/// machine's load affects both alike.
/// </summary>
public sealed class ReadBenchmarks(BenchmarkOptions options, IReadOnlyList<BenchUser> users, TableServiceClient raw, Failures failures, Action<string> progress)
{
    public const double RatioBudget = 1.25;
    public const int OrdersPageSize = PagedQuery.DefaultPageSize;

    private sealed record Endpoint(string Name, string Floor, Func<BenchUser, int, Task<Sample>> Portal, Func<BenchUser, int, Task<Sample>> Raw);

    public async Task<List<ReadResult>> RunAsync()
    {
        var endpoints = Endpoints();

        // Everything once first (JIT, connections, caches), so the first endpoint measured is not the one paying for it.
        var all = users.Take(options.Levels.Max()).ToList();
        foreach (var endpoint in endpoints)
        {
            await ClosedLoop.RunAsync(all.Count, options.WarmUp, (w, n) => endpoint.Portal(all[w], n));
            await ClosedLoop.RunAsync(all.Count, options.WarmUp, (w, n) => endpoint.Raw(all[w], n));
        }

        var results = new List<ReadResult>();
        foreach (var endpoint in endpoints)
        {
            foreach (var clients in options.Levels)
            {
                var active = users.Take(clients).ToList();
                Task<Sample> Portal(int worker, int n) => endpoint.Portal(active[worker], n);
                Task<Sample> Raw(int worker, int n) => endpoint.Raw(active[worker], n);

                await ClosedLoop.RunAsync(clients, options.WarmUp, Portal);
                await ClosedLoop.RunAsync(clients, options.WarmUp, Raw);
                var portal = new Samples();
                var rawSamples = new Samples();
                var batchRatios = new List<double>();
                for (var round = 0; round < options.Rounds; round++)
                {
                    var batch = options.Iterations / options.Rounds + (round < options.Iterations % options.Rounds ? 1 : 0);
                    Samples portalBatch, rawBatch;
                    if (round % 2 == 0)
                    {
                        portalBatch = await ClosedLoop.RunAsync(clients, batch, Portal);
                        rawBatch = await ClosedLoop.RunAsync(clients, batch, Raw);
                    }
                    else
                    {
                        rawBatch = await ClosedLoop.RunAsync(clients, batch, Raw);
                        portalBatch = await ClosedLoop.RunAsync(clients, batch, Portal);
                    }
                    portal.AddRange(portalBatch);
                    rawSamples.AddRange(rawBatch);
                    // How much the ratio moves from one pair of batches to the next: the run's own measure of its noise.
                    if (rawBatch.Stats().P95 is > 0 and var rawP95)
                    {
                        batchRatios.Add(portalBatch.Stats().P95 / rawP95);
                    }
                }
                var result = new ReadResult(endpoint.Name, endpoint.Floor, clients, portal.Stats(), rawSamples.Stats(), batchRatios);
                results.Add(result);
                progress($"  {endpoint.Name,-16} {clients,2} client(s): portal p95 {result.Portal.P95:F2} ms, raw p95 {result.Raw.P95:F2} ms, " +
                         $"ratio {result.Ratio:F2}, storage requests {result.Portal.StorageMin}–{result.Portal.StorageMax}");
            }
        }
        return results;
    }

    /// <summary>
    /// The worst case the measured calls rarely meet: the portal caches the session, settings, access group, prices and
    /// catalog for a short time, so a call that arrives after they expired reloads them itself. For each endpoint:
    /// no calls for longer than every cache lasts, then one call.
    /// </summary>
    public async Task<List<ColdCall>> RunColdAsync(TimeSpan cachesLast)
    {
        var results = new List<ColdCall>();
        foreach (var endpoint in Endpoints())
        {
            await Task.Delay(cachesLast);
            var sample = await endpoint.Portal(users[0], 0);
            results.Add(new ColdCall(endpoint.Name, sample.StorageRequests, sample.Milliseconds, sample.Status));
            progress($"  {endpoint.Name,-16} after {cachesLast.TotalSeconds:F0} s idle: {sample.StorageRequests} storage requests, {sample.Milliseconds:F1} ms");
        }
        return results;
    }

    private Endpoint[] Endpoints()
    {
        var orders = raw.GetTableClient(OrderingTables.Orders);
        var sessions = raw.GetTableClient(AccountsTables.Sessions);
        // The same filter OrderService.ListAsync sends for the first page, newest first.
        static string FirstPage(string counterparty) =>
            TableClient.CreateQueryFilter($"PartitionKey eq {counterparty} and RowKey ge {OrderingKeys.OrderListPrefix} and RowKey lt {OrderingKeys.OrderListPrefix + "~"}");
        static string OrderOf(BenchUser user, int n) => user.OrderIds[(int)((n * 7919L + user.Buyer.Index * 104729L) % user.OrderIds.Length)];

        return
        [
            new Endpoint("GET products", "session point read (see note)",
                (u, _) => PortalAsync(u, "/api/products"),
                (u, _) => ClosedLoop.TimeAsync(() => sessions.GetEntityIfExistsAsync<SessionEntity>(u.Session.UserId, u.Session.SessionId))),
            new Endpoint("GET orders", $"partition range query, one page of {OrdersPageSize}",
                (u, _) => PortalAsync(u, "/api/orders"),
                (u, _) => ClosedLoop.TimeAsync(async () =>
                {
                    await foreach (var page in orders.QueryAsync<OrderListEntity>(FirstPage(u.Buyer.CounterpartyId), maxPerPage: OrdersPageSize).AsPages(null, OrdersPageSize))
                    {
                        _ = page.Values.Count;
                        break;
                    }
                })),
            new Endpoint("GET orders/{id}", "point read of the order row",
                (u, n) => PortalAsync(u, "/api/orders/" + OrderOf(u, n)),
                (u, n) => ClosedLoop.TimeAsync(() => orders.GetEntityIfExistsAsync<OrderEntity>(u.Buyer.CounterpartyId, OrderingKeys.Order(OrderOf(u, n))))),
            new Endpoint("GET cart", "point read of the cart row",
                (u, _) => PortalAsync(u, "/api/cart"),
                (u, _) => ClosedLoop.TimeAsync(() => orders.GetEntityIfExistsAsync<CartEntity>(u.Buyer.CounterpartyId, OrderingKeys.Cart(u.Session.UserId)))),
        ];
    }

    private async Task<Sample> PortalAsync(BenchUser user, string path)
    {
        var response = await user.Session.GetAsync(path);
        if (!response.IsSuccess)
        {
            failures.Record("GET " + path, response);
        }
        return new Sample(response.Milliseconds, response.Status, response.StorageRequests);
    }
}
