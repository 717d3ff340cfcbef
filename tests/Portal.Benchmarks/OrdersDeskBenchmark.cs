using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;
using Portal.Core.Shared.Tables;

namespace Portal.Benchmarks;

/// <summary>
/// The staff orders desk (<c>GET manage/orders</c>) with the same number of orders spread over few and over many
/// counterparties, measured in one run: storage requests per page and p50/p95. Beside it, made raw, what the list cost
/// before the desk existed: one newest-first range query per counterparty for every page.
/// </summary>
public sealed class OrdersDeskBenchmark(Uri portal, string storage, int iterations, int orders, IReadOnlyList<int> spreads, Action<string> progress)
{
    public const string SectionName = "orders-desk";

    public sealed record Figures(string Endpoint, int Counterparties, Stats Stats, int TypicalRequests, int MinRequests, int MaxRequests);

    public sealed record Result(IReadOnlyList<Figures> Reads, int Orders, IReadOnlyList<int> Spreads);

    /// <summary>The floor row's name: the design it replaced, one range query per counterparty, made raw.</summary>
    public const string PerCounterparty = "before: one range query per counterparty (raw)";

    public async Task<Result> RunAsync()
    {
        using var staff = await PortalSession.SignInAsync(portal, "clerk", "staff-demo-1");
        var table = new TableServiceClient(storage).GetTableClient(OrderingTables.Orders);
        var figures = new List<Figures>();
        foreach (var spread in spreads)
        {
            progress($"Orders desk: seeding {orders:N0} orders over {spread:N0} counterparties");
            var seeded = await SeedAsync(table, spread);
            var someone = seeded[0];
            var firstPage = await staff.GetAsync("/api/manage/orders");
            var continuation = firstPage.Json().GetProperty("continuation").GetString();
            var endpoints = new (string Name, string Path)[]
            {
                ("GET manage/orders (first page)", "/api/manage/orders"),
                ("GET manage/orders (second page)", "/api/manage/orders?continuation=" + Uri.EscapeDataString(continuation ?? "")),
                ("GET manage/orders?status=inProgress", "/api/manage/orders?status=inProgress"),
                ("GET manage/orders?counterpartyId=…", $"/api/manage/orders?counterpartyId={someone}"),
            };
            foreach (var (name, path) in endpoints)
            {
                for (var i = 0; i < 10; i++)
                {
                    var warm = await staff.GetAsync(path);
                    if (!warm.IsSuccess)
                    {
                        throw new InvalidOperationException($"{path} answered {warm.Status}: {warm.Body}");
                    }
                }
                var samples = await ClosedLoop.RunAsync(1, iterations, async (_, _) =>
                {
                    var response = await staff.GetAsync(path);
                    return new Sample(response.Milliseconds, response.Status, response.StorageRequests);
                });
                figures.Add(Figure(name, spread, samples));
            }
            // The design it replaced, made raw: each counterparty's newest 100 list rows, one query after another.
            var raw = await ClosedLoop.RunAsync(1, Math.Max(5, Math.Min(iterations, 20_000 / spread)), (_, _) => ClosedLoop.TimeAsync(async () =>
            {
                foreach (var counterparty in seeded)
                {
                    var filter = PagedQuery.Range(counterparty, OrderingKeys.OrderListPrefix, OrderingKeys.OrderListPrefix + "~");
                    await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 100).AsPages(null, 100))
                    {
                        break;
                    }
                }
            }));
            figures.Add(new Figures(PerCounterparty, spread, raw.Stats(), spread, spread, spread));
            progress($"Orders desk: removing the {orders:N0} orders over {spread:N0} counterparties");
            await RemoveAsync(table, seeded);
        }
        return new Result(figures, orders, spreads);
    }

    private static Figures Figure(string name, int spread, Samples samples) =>
        new(name, spread, samples.Stats(), samples.Items.GroupBy(x => x.StorageRequests).OrderByDescending(g => g.Count()).First().Key,
            samples.Items.Min(x => x.StorageRequests), samples.Items.Max(x => x.StorageRequests));

    /// <summary>
    /// <paramref name="orders"/> orders over <paramref name="spread"/> counterparties, each with its list row in the counterparty's
    /// partition and its desk row, as checkouts and clerks would have left them: a third Sent, the rest In progress or done.
    /// </summary>
    private async Task<List<string>> SeedAsync(TableClient table, int spread)
    {
        var random = new Random(spread);
        var now = DateTimeOffset.UtcNow;
        var counterparties = Enumerable.Range(0, spread).Select(i => $"bench-desk-{spread:D4}-{i:D4}").ToList();
        var statuses = new[] { OrderStatus.Sent, OrderStatus.InProgress, OrderStatus.Completed };
        var all = new List<OrderEntity>();
        for (var i = 0; i < orders; i++)
        {
            var counterparty = counterparties[i % spread];
            var orderId = StableId.From("bench-desk", spread.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture));
            var placedAt = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
            var lines = new List<OrderLine> { new("BENCH-1", "Benchmark product", "pcs", 3, 0, 9.5m, 28.5m) };
            all.Add(new OrderEntity
            {
                PartitionKey = counterparty, RowKey = OrderingKeys.Order(orderId), OrderId = orderId, Number = $"SO-B{spread:D4}{i:D6}", PlacedAt = placedAt,
                Status = statuses[i % statuses.Length].ToString(), WarehouseId = "central", WarehouseName = "Central warehouse", CheckoutId = orderId,
                Lines = JsonColumn.Write(lines), Total = Money.Store(28.5m), Currency = "EUR", ListRowKey = OrderingKeys.OrderList(placedAt, orderId),
            });
        }
        var own = all.GroupBy(o => o.PartitionKey).SelectMany(g => g.Chunk(50)).ToList();
        await Seeder.ForEachAsync(own, 4, async batch =>
        {
            var change = new EntityGroup(batch[0].PartitionKey);
            foreach (var order in batch)
            {
                change.Upsert(order).Upsert(OrderService.ListRowOf(order, JsonColumn.Read<OrderLine>(order.Lines)));
            }
            await change.SubmitAsync(table, CancellationToken.None);
        });
        await Seeder.ForEachAsync(all.Chunk(EntityGroup.MaxEntities).ToList(), 4, async batch =>
        {
            var change = new EntityGroup(OrderDeskKeys.Partition);
            foreach (var order in batch)
            {
                change.Upsert(OrderDesk.RowOf(order));
            }
            await change.SubmitAsync(table, CancellationToken.None);
        });
        return counterparties;
    }

    /// <summary>Takes a spread's rows out again, so the next spread is measured over the same number of rows in the table.</summary>
    private static async Task RemoveAsync(TableClient table, List<string> counterparties)
    {
        var known = counterparties.ToHashSet();
        var desk = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(PagedQuery.Range(OrderDeskKeys.Partition, OrderDeskKeys.RowPrefix, "d;"), select: ["RowKey", "CounterpartyId"]))
        {
            if (known.Contains(row.GetString("CounterpartyId") ?? ""))
            {
                desk.Add(row.RowKey);
            }
        }
        await Seeder.ForEachAsync(desk.Chunk(EntityGroup.MaxEntities).ToList(), 4, async batch =>
        {
            var change = new EntityGroup(OrderDeskKeys.Partition);
            foreach (var key in batch)
            {
                change.Delete(key);
            }
            await change.SubmitAsync(table, CancellationToken.None);
        });
        await Seeder.ForEachAsync(counterparties, 4, async counterparty =>
        {
            var keys = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == counterparty, select: ["RowKey"]))
            {
                keys.Add(row.RowKey);
            }
            foreach (var batch in keys.Chunk(EntityGroup.MaxEntities))
            {
                var change = new EntityGroup(counterparty);
                foreach (var key in batch)
                {
                    change.Delete(key);
                }
                await change.SubmitAsync(table, CancellationToken.None);
            }
        });
    }

    public static string ToMarkdown(Result result, string command, string machine, string loadBefore, string loadAfter, DateTimeOffset startedAt)
    {
        var md = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        var few = result.Spreads.Min();
        var many = result.Spreads.Max();
        md.AppendLine("## Orders desk: staff order list across counterparties");
        md.AppendLine();
        md.AppendLine(ci, $"Run {startedAt:yyyy-MM-dd HH:mm} UTC with `{command}` on {machine}; load average {loadBefore} before, {loadAfter} after. The machine is shared with other work, so absolute times vary between runs.");
        md.AppendLine();
        md.AppendLine(ci, $"The same {result.Orders:N0} orders (a third Sent) spread over {string.Join(" and then over ", result.Spreads.Select(s => s.ToString("N0", ci)))} counterparties, measured one after the other in this run (the first spread's rows are removed before the second is seeded, so the table holds as many rows for both), plus the demo's orders. One client, warm caches, signed in as a clerk; a page is 25 orders. Storage requests are the portal's own count (`X-Storage-Requests`): the session check when its 30-second cache expired, the desk's repair check on a first page (one range query over the intents, empty here), and the page's one range query.");
        md.AppendLine();
        md.AppendLine("| Endpoint | Counterparties | Requests | p50 ms | p95 ms | max ms | storage requests per call: typical (min–max) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var f in result.Reads.OrderBy(f => f.Endpoint == PerCounterparty).ThenBy(f => f.Endpoint).ThenBy(f => f.Counterparties))
        {
            md.AppendLine(ci, $"| `{f.Endpoint}` | {f.Counterparties:N0} | {f.Stats.Count} | {f.Stats.P50:F2} | {f.Stats.P95:F2} | {f.Stats.Max:F1} | {f.TypicalRequests} ({f.MinRequests}–{f.MaxRequests}) |");
        }
        md.AppendLine();
        md.AppendLine("| Budget | Measured | Verdict |");
        md.AppendLine("|---|---|---|");
        var desk = result.Reads.Where(f => f.Endpoint != PerCounterparty).ToList();
        var maxFew = desk.Where(f => f.Counterparties == few).Max(f => f.MaxRequests);
        var maxMany = desk.Where(f => f.Counterparties == many).Max(f => f.MaxRequests);
        md.AppendLine(ci, $"| A desk page costs a bounded number of storage requests however many counterparties exist | at most {maxFew} with {few:N0} counterparties, {maxMany} with {many:N0} | {(maxMany <= 3 && maxMany <= maxFew + 1 ? "met" : "NOT met")} |");
        foreach (var endpoint in desk.Select(f => f.Endpoint).Distinct().Order())
        {
            var a = desk.Single(f => f.Endpoint == endpoint && f.Counterparties == few);
            var b = desk.Single(f => f.Endpoint == endpoint && f.Counterparties == many);
            md.AppendLine(ci, $"| `{endpoint}`: time with {many:N0} counterparties against {few:N0} | p50 {b.Stats.P50 / a.Stats.P50:F2}×, p95 {b.Stats.P95 / a.Stats.P95:F2}× | {(b.Stats.P50 / a.Stats.P50 <= 1.25 ? "flat" : "grows")} |");
        }
        var beforeFew = result.Reads.Single(f => f.Endpoint == PerCounterparty && f.Counterparties == few);
        var beforeMany = result.Reads.Single(f => f.Endpoint == PerCounterparty && f.Counterparties == many);
        md.AppendLine(ci, $"| The design it replaced (for comparison) | {few:N0} → {many:N0} storage requests per page; p50 {beforeFew.Stats.P50:F1} → {beforeMany.Stats.P50:F1} ms | one request per counterparty |");
        md.AppendLine();
        md.AppendLine("Filters on status (other than Sent) and counterparty are applied by the table service within the desk partition, so on Azure a rare match may take the service more than one round of its own to fill a page; the portal still sends one request per page and hands the service's continuation on. Azurite scans the whole table for every range query, so its times grow with the table's total rows rather than with what a page reads.");
        md.AppendLine();
        return md.ToString();
    }
}
