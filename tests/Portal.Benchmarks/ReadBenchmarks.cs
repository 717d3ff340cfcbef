using Azure.Data.Tables;
using Portal.Core.Shared.Tables;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Ordering;

namespace Portal.Benchmarks;

/// <summary>A signed-in buyer as a benchmark client, with ids of its counterparty's orders to read.</summary>
public sealed record BenchUser(Buyer Buyer, PortalSession Session, string[] OrderIds);

public sealed record ColdCall(string Endpoint, int StorageRequests, double Milliseconds, int Status);

/// <param name="SecondFloor">
/// The endpoint measured once more against another floor, for information (the budget's floor is the first); its calls
/// still count for storage requests per call.
/// </param>
public sealed record ReadResult(string Endpoint, string Floor, int Clients, Stats Portal, Stats Raw, IReadOnlyList<double> BatchRatios, bool SecondFloor = false)
{
    public double Ratio => Raw.P95 > 0 ? Portal.P95 / Raw.P95 : double.NaN;
}

/// <summary>
/// Each customer read endpoint against the raw Azurite request it stands on, at each client count, in the same
/// run: the same clients, the same targets, batches alternating between portal and raw so that drift in the
/// machine's load affects both alike. The documents endpoints read the one counterparty that holds the documents
/// history, each client as a different buyer of it.
/// </summary>
public sealed class ReadBenchmarks(BenchmarkOptions options, IReadOnlyList<BenchUser> users, IReadOnlyList<BenchUser> documentReaders, SeededDocuments documents,
    TableServiceClient raw, Failures failures, Action<string> progress)
{
    public const double RatioBudget = 1.25;
    public const int OrdersPageSize = PagedQuery.DefaultPageSize;

    private sealed record Endpoint(string Name, string Floor, IReadOnlyList<BenchUser> Users, int Iterations, Func<BenchUser, int, Task<Sample>> Portal,
        Func<BenchUser, int, Task<Sample>> Raw, bool SecondFloor = false);

    public async Task<List<ReadResult>> RunAsync()
    {
        var endpoints = Endpoints();

        // Everything once first (JIT, connections, caches), so the first endpoint measured is not the one paying for it.
        foreach (var endpoint in endpoints)
        {
            var all = endpoint.Users.Take(options.Levels.Max()).ToList();
            var warmUp = BenchmarkOptions.WarmUpFor(endpoint.Iterations);
            await ClosedLoop.RunAsync(all.Count, warmUp, (w, n) => endpoint.Portal(all[w], n));
            await ClosedLoop.RunAsync(all.Count, warmUp, (w, n) => endpoint.Raw(all[w], n));
        }

        var results = new List<ReadResult>();
        foreach (var endpoint in endpoints)
        {
            foreach (var clients in options.Levels)
            {
                var active = endpoint.Users.Take(clients).ToList();
                Task<Sample> Portal(int worker, int n) => endpoint.Portal(active[worker], n);
                Task<Sample> Raw(int worker, int n) => endpoint.Raw(active[worker], n);

                await ClosedLoop.RunAsync(clients, BenchmarkOptions.WarmUpFor(endpoint.Iterations), Portal);
                await ClosedLoop.RunAsync(clients, BenchmarkOptions.WarmUpFor(endpoint.Iterations), Raw);
                var portal = new Samples();
                var rawSamples = new Samples();
                var batchRatios = new List<double>();
                for (var round = 0; round < options.Rounds; round++)
                {
                    var batch = endpoint.Iterations / options.Rounds + (round < endpoint.Iterations % options.Rounds ? 1 : 0);
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
                var result = new ReadResult(endpoint.Name, endpoint.Floor, clients, portal.Stats(), rawSamples.Stats(), batchRatios, endpoint.SecondFloor);
                results.Add(result);
                progress($"  {endpoint.Name + (endpoint.SecondFloor ? " (2nd floor)" : ""),-39} {clients,2} client(s): portal p95 {result.Portal.P95:F2} ms, raw p95 {result.Raw.P95:F2} ms, " +
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
        foreach (var endpoint in Endpoints().Where(e => !e.SecondFloor))
        {
            await Task.Delay(cachesLast);
            var sample = await endpoint.Portal(endpoint.Users[0], 0);
            results.Add(new ColdCall(endpoint.Name, sample.StorageRequests, sample.Milliseconds, sample.Status));
            progress($"  {endpoint.Name,-27} after {cachesLast.TotalSeconds:F0} s idle: {sample.StorageRequests} storage requests, {sample.Milliseconds:F1} ms");
        }
        return results;
    }

    private List<Endpoint> Endpoints()
    {
        var orders = raw.GetTableClient(OrderingTables.Orders);
        var documentsTable = raw.GetTableClient(DocumentsTables.Documents);
        var sessions = raw.GetTableClient(AccountsTables.Sessions);
        // The same filter OrderService.ListAsync sends for the first page, newest first.
        static string FirstPage(string counterparty) =>
            TableClient.CreateQueryFilter($"PartitionKey eq {counterparty} and RowKey ge {OrderingKeys.OrderListPrefix} and RowKey lt {OrderingKeys.OrderListPrefix + "~"}");
        static string OrderOf(BenchUser user, int n) => user.OrderIds[(int)((n * 7919L + user.Buyer.Index * 104729L) % user.OrderIds.Length)];
        // The same filter DocumentStore.ListAsync sends for the first page of a type without dates or filters, newest first.
        var (lower, upper) = TableKeys.NewestFirstRange(DocumentKeys.ListPrefix(DocumentTypes.Invoices), null, null);
        var firstInvoices = PagedQuery.Range(documents.CounterpartyId, lower, upper);
        // Any of the whole history, not only the recent ones a cache would favour.
        string InvoiceOf(BenchUser user, int n) => documents.InvoiceIds[(int)((n * 7919L + user.Buyer.Index * 104729L) % documents.InvoiceIds.Length)];

        List<Endpoint> endpoints =
        [
            new Endpoint("GET products", "session point read (see note)", users, options.Iterations,
                (u, _) => PortalAsync(u, "/api/products"),
                (u, _) => ClosedLoop.TimeAsync(() => sessions.GetEntityIfExistsAsync<SessionEntity>(u.Session.UserId, u.Session.SessionId))),
            new Endpoint("GET orders", $"partition range query, one page of {OrdersPageSize}", users, options.Iterations,
                (u, _) => PortalAsync(u, "/api/orders"),
                (u, _) => ClosedLoop.TimeAsync(async () =>
                {
                    await foreach (var page in orders.QueryAsync<OrderListEntity>(FirstPage(u.Buyer.CounterpartyId), maxPerPage: OrdersPageSize).AsPages(null, OrdersPageSize))
                    {
                        _ = page.Values.Count;
                        break;
                    }
                })),
            new Endpoint("GET orders/{id}", "point read of the order row", users, options.Iterations,
                (u, n) => PortalAsync(u, "/api/orders/" + OrderOf(u, n)),
                (u, n) => ClosedLoop.TimeAsync(() => orders.GetEntityIfExistsAsync<OrderEntity>(u.Buyer.CounterpartyId, OrderingKeys.Order(OrderOf(u, n))))),
            new Endpoint("GET cart", "point read of the cart row", users, options.Iterations,
                (u, _) => PortalAsync(u, "/api/cart"),
                (u, _) => ClosedLoop.TimeAsync(() => orders.GetEntityIfExistsAsync<CartEntity>(u.Buyer.CounterpartyId, OrderingKeys.Cart(u.Session.UserId)))),
        ];
        if (documents.InvoiceIds.Length > 0)
        {
            endpoints.Add(new Endpoint("GET documents/invoices", $"partition range query, one page of {OrdersPageSize}", documentReaders, options.DocumentIterations,
                (u, _) => PortalAsync(u, "/api/documents/invoices"),
                (u, _) => ClosedLoop.TimeAsync(async () =>
                {
                    await foreach (var page in documentsTable.QueryAsync<DocumentEntity>(firstInvoices, maxPerPage: OrdersPageSize).AsPages(null, OrdersPageSize))
                    {
                        _ = page.Values.Count;
                        break;
                    }
                })));
            // DocumentStore.ReadWithExtrasAsync: the document row and the rows beside it (file, backlinks) in one range query.
            endpoints.Add(new Endpoint("GET documents/invoices/{id}", "range query of the document row and the rows beside it", documentReaders, options.DocumentIterations,
                (u, n) => PortalAsync(u, "/api/documents/invoices/" + InvoiceOf(u, n)),
                (u, n) => ClosedLoop.TimeAsync(() => ReadDocumentPageAsync(InvoiceOf(u, n)))));
            // The same document as one point read, for comparison: what reading the row alone would cost.
            endpoints.Add(new Endpoint("GET documents/invoices/{id}", "point read of the document row alone", documentReaders, options.DocumentIterations,
                (u, n) => PortalAsync(u, "/api/documents/invoices/" + InvoiceOf(u, n)),
                (u, n) => ClosedLoop.TimeAsync(() => ReadInvoiceAsync(InvoiceOf(u, n))),
                SecondFloor: true));
        }
        return endpoints;

        Task ReadInvoiceAsync(string id) =>
            documentsTable.GetEntityIfExistsAsync<DocumentEntity>(documents.CounterpartyId, DocumentKeys.Document(DocumentTypes.Invoices, id));

        async Task ReadDocumentPageAsync(string id)
        {
            var (lower, upper) = DocumentKeys.WithExtras(DocumentTypes.Invoices, id);
            await foreach (var _ in documentsTable.QueryAsync<TableEntity>(PagedQuery.Range(documents.CounterpartyId, lower, upper)))
            {
            }
        }
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
