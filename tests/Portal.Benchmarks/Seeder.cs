using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;
using Portal.Core.Shared.Tables;

namespace Portal.Benchmarks;

public sealed record Buyer(int Index, string Username, string Password, string UserId, string CounterpartyId);

public sealed record SeedProduct(string Sku, string Name, string CategoryId, decimal Price, string WarehouseId);

public sealed record SeededData(
    IReadOnlyList<string> Counterparties,
    IReadOnlyList<Buyer> Buyers,
    IReadOnlyList<SeedProduct> Products,
    IReadOnlyDictionary<string, string[]> OrderIdsByCounterparty,
    IReadOnlyList<(string Step, string Detail, TimeSpan Took)> Steps)
{
    public TimeSpan Took => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);
}

/// <summary>
/// Seeds the volume fast: counterparties, buyers and products through the staff API (the way the company's ERP
/// would), and the order history straight into the Orders table with the portal's own entity classes in
/// single-partition entity-group transactions — writing 20,000 orders through checkouts would take far longer
/// and measure the checkout, not the reads.
/// </summary>
public sealed class Seeder(BenchmarkOptions options, Uri baseAddress, OrderingStore store, Action<string> progress)
{
    // Demo warehouses and categories (DemoCatalog) that the imported products refer to.
    private static readonly (string Id, string Name)[] Warehouses = [("central", "Central warehouse"), ("north", "North depot"), ("south", "South depot")];
    private static readonly string[] Categories = ["hand-tools", "power-tools", "safety", "fasteners", "electrical", "plumbing"];

    private static readonly Dictionary<string, string[]> Nouns = new()
    {
        ["hand-tools"] = ["spanner", "hammer", "chisel", "screwdriver", "pliers", "file", "saw", "wrench"],
        ["power-tools"] = ["drill", "grinder", "sander", "jigsaw", "router", "impact driver", "planer", "multi-tool"],
        ["safety"] = ["helmet", "gloves", "goggles", "ear defenders", "hi-vis vest", "knee pads", "respirator", "boots"],
        ["fasteners"] = ["wood screw", "machine bolt", "hex nut", "washer", "wall plug", "rivet", "anchor", "threaded rod"],
        ["electrical"] = ["cable", "socket", "switch", "junction box", "fuse", "conduit", "terminal block", "LED panel"],
        ["plumbing"] = ["pipe", "elbow", "tee", "valve", "trap", "compression fitting", "tap", "flexible hose"],
    };

    private static readonly string[] Qualities = ["Standard", "Pro", "Heavy-duty", "Compact", "Industrial", "Economy", "Premium", "Site"];

    public static IReadOnlyList<string> SearchTerms => Nouns.Values.SelectMany(n => n).Select(n => n.Split(' ')[0]).Distinct().ToList();

    public const string Currency = "EUR";

    public async Task<SeededData> SeedAsync()
    {
        var steps = new List<(string, string, TimeSpan)>();
        using var staff = await PortalSession.SignInAsync(baseAddress, "clerk", "staff-demo-1");

        var watch = Stopwatch.StartNew();
        var counterparties = Enumerable.Range(1, options.Counterparties).Select(i => $"bench-cp-{i:D3}").ToList();
        await ForEachAsync(counterparties, 8, async id =>
            Require(await staff.SendAsync(HttpMethod.Put, $"/api/manage/counterparties/{id}", new { name = $"Benchmark Customer {id[^3..]} Ltd" }), $"counterparty {id}"));
        steps.Add(("Counterparties", $"{counterparties.Count} (PUT manage/counterparties/{{id}})", watch.Elapsed));
        progress($"  {counterparties.Count} counterparties in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var buyers = new Buyer[options.Buyers];
        // Creating a user hashes its password (PBKDF2, 600,000 iterations): CPU-bound, so no more in parallel than cores.
        await ForEachAsync(Enumerable.Range(0, options.Buyers).ToList(), Environment.ProcessorCount, async i =>
        {
            var counterparty = counterparties[i % counterparties.Count];
            var username = $"buyer{i + 1:D3}@{counterparty}.example";
            var password = $"bench buyer {i + 1} {Guid.NewGuid():N}"[..32];
            var created = Require(await staff.SendAsync(HttpMethod.Post, "/api/manage/users", new
            {
                username, password, displayName = $"Buyer {i + 1}", kind = "customer", counterpartyId = counterparty, accessGroupId = "customers",
            }), $"buyer {username}");
            buyers[i] = new Buyer(i, username, password, created.Json().GetProperty("id").GetString()!, counterparty);
        });
        steps.Add(("Buyers", $"{buyers.Length} (POST manage/users; password hashing dominates)", watch.Elapsed));
        progress($"  {buyers.Length} buyers in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var random = new Random(options.Seed);
        var products = GenerateProducts(random);
        var files = await ImportProductsAsync(staff, products, random);
        steps.Add(("Products", $"{products.Count:N0} in {files} NDJSON file(s) (POST manage/catalog/products/import)", watch.Elapsed));
        progress($"  {products.Count} products in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var (orderIds, transactions) = await WriteOrdersAsync(buyers, counterparties, products, random);
        steps.Add(("Orders", $"{orderIds.Values.Sum(o => o.Length):N0} orders + list rows in {transactions} entity-group transactions (Orders table, direct)", watch.Elapsed));
        progress($"  {orderIds.Values.Sum(o => o.Length)} orders in {watch.Elapsed.TotalSeconds:F1} s");

        return new SeededData(counterparties, buyers, products, orderIds, steps);
    }

    private List<SeedProduct> GenerateProducts(Random random)
    {
        var products = new List<SeedProduct>(options.Products);
        for (var i = 0; i < options.Products; i++)
        {
            var category = Categories[i % Categories.Length];
            var noun = Nouns[category][random.Next(Nouns[category].Length)];
            var quality = Qualities[random.Next(Qualities.Length)];
            var name = $"{quality} {noun} {CultureInfo.InvariantCulture.TextInfo.ToUpper(category[..2])}-{i + 1:D5}";
            var price = Math.Round((decimal)(1 + random.NextDouble() * 499), 2);
            products.Add(new SeedProduct($"BN-{category[..2].ToUpperInvariant()}-{i + 1:D5}", name, category, price, Warehouses[random.Next(Warehouses.Length)].Id));
        }
        return products;
    }

    private static async Task<int> ImportProductsAsync(PortalSession staff, IReadOnlyList<SeedProduct> products, Random random)
    {
        var files = 0;
        var body = new StringBuilder();
        var rows = 0;
        async Task SendAsync()
        {
            if (rows == 0)
            {
                return;
            }
            Require(await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", body.ToString(), "application/x-ndjson"), "product import");
            files++;
            body.Clear();
            rows = 0;
        }
        foreach (var p in products)
        {
            var line = JsonSerializer.Serialize(new
            {
                sku = p.Sku,
                name = p.Name,
                description = $"{p.Name}: benchmark product in {p.CategoryId}, shipped from {p.WarehouseId}.",
                categoryId = p.CategoryId,
                unit = "pcs",
                unitPrecision = 0,
                price = p.Price,
                defaultWarehouseId = p.WarehouseId,
                characteristics = new[]
                {
                    new { name = "Grade", value = p.Name.Split(' ')[0] },
                    new { name = "Pack size", value = (1 + random.Next(5) * 5).ToString(CultureInfo.InvariantCulture) },
                    new { name = "Warranty", value = $"{1 + random.Next(5)} years" },
                },
                stock = Warehouses.ToDictionary(w => w.Id, _ => (decimal)random.Next(0, 500)),
                active = true,
            }, JsonSerializerOptions.Web);
            // The import takes at most 20,000 rows and 8 MiB per file.
            if (rows == 20_000 || Encoding.UTF8.GetByteCount(line) + 1 + body.Length * 3 > 8 * 1024 * 1024 - 64 * 1024)
            {
                await SendAsync();
            }
            body.Append(line).Append('\n');
            rows++;
        }
        await SendAsync();
        return files;
    }

    private async Task<(Dictionary<string, string[]> OrderIds, int Transactions)> WriteOrdersAsync(IReadOnlyList<Buyer> buyers, IReadOnlyList<string> counterparties,
        IReadOnlyList<SeedProduct> products, Random random)
    {
        var now = DateTimeOffset.UtcNow;
        var buyersOf = buyers.GroupBy(b => b.CounterpartyId).ToDictionary(g => g.Key, g => g.ToList());
        var plans = new List<(string Counterparty, Buyer Buyer, DateTimeOffset PlacedAt)>(options.Orders);
        for (var i = 0; i < options.Orders; i++)
        {
            var counterparty = counterparties[i % counterparties.Count];
            var buyer = buyersOf[counterparty][random.Next(buyersOf[counterparty].Count)];
            // About a year of history, more of it recent.
            var ageDays = 365 * Math.Pow(random.NextDouble(), 1.3);
            plans.Add((counterparty, buyer, now.AddDays(-ageDays).AddMinutes(-5)));
        }
        plans.Sort((a, b) => a.PlacedAt.CompareTo(b.PlacedAt));

        // Real order numbers from the portal's own counter, so checkouts made later continue the sequence.
        var first = options.Orders == 0 ? 0 : await store.ReserveOrderNumbersAsync(options.Orders, CancellationToken.None);
        var byPartition = new Dictionary<string, List<(OrderEntity Order, OrderListEntity List)>>();
        for (var i = 0; i < plans.Count; i++)
        {
            var (counterparty, buyer, placedAt) = plans[i];
            var order = NewOrder(counterparty, buyer, placedAt, OrderNumbers.Format(first + i), now, products, random, out var lines);
            if (!byPartition.TryGetValue(counterparty, out var list))
            {
                byPartition[counterparty] = list = [];
            }
            list.Add((order, OrderService.ListRowOf(order, lines)));
        }

        var batches = byPartition.Values.SelectMany(orders => orders.Chunk(50)).ToList();
        await ForEachAsync(batches, 4, async batch =>
        {
            // EntityGroup refuses a transaction across partitions, which Azurite would accept and Azure refuse.
            var change = new EntityGroup(batch[0].Order.PartitionKey);
            foreach (var (order, list) in batch)
            {
                change.Add(order).Add(list);
            }
            await store.SubmitAsync(change, CancellationToken.None);
        });
        return (byPartition.ToDictionary(p => p.Key, p => p.Value.Select(o => o.Order.OrderId).ToArray()), batches.Count);
    }

    /// <summary>An order as CheckoutService writes it, then moved along its lifecycle the way the company would by its age.</summary>
    private static OrderEntity NewOrder(string counterparty, Buyer buyer, DateTimeOffset placedAt, string number, DateTimeOffset now,
        IReadOnlyList<SeedProduct> products, Random random, out List<OrderLine> lines)
    {
        var id = Convert.ToHexStringLower(RandomBytes(random, 16));
        var warehouse = Warehouses[random.Next(Warehouses.Length)];
        lines = [];
        var count = 1 + random.Next(5);
        foreach (var product in Enumerable.Range(0, count).Select(_ => products[random.Next(products.Count)]).DistinctBy(p => p.Sku))
        {
            var quantity = (decimal)(1 + random.Next(20));
            lines.Add(new OrderLine(product.Sku, product.Name, "pcs", quantity, 0m, product.Price,
                decimal.Round(product.Price * quantity, 2, MidpointRounding.AwayFromZero)));
        }

        var age = now - placedAt;
        var roll = random.NextDouble();
        var status = age.TotalDays switch
        {
            > 30 => roll < 0.85 ? OrderStatus.Completed : roll < 0.95 ? OrderStatus.Canceled : OrderStatus.InProgress,
            > 7 => roll < 0.4 ? OrderStatus.Completed : roll < 0.9 ? OrderStatus.InProgress : OrderStatus.Canceled,
            _ => roll < 0.6 ? OrderStatus.Sent : OrderStatus.InProgress,
        };
        var history = new List<StatusChange> { new(nameof(OrderStatus.Sent), placedAt, buyer.Username) };
        var shipments = new List<Shipment>();
        var step = TimeSpan.FromMinutes(Math.Min(age.TotalMinutes / 4, 1440));
        if (status == OrderStatus.Canceled)
        {
            history.Add(new StatusChange(nameof(OrderStatus.Canceled), placedAt + step, "clerk"));
        }
        if (status is OrderStatus.InProgress or OrderStatus.Completed)
        {
            history.Add(new StatusChange(nameof(OrderStatus.InProgress), placedAt + step, "clerk"));
            var full = status == OrderStatus.Completed;
            if (full || random.Next(2) == 0)
            {
                var shipped = full ? lines : lines.Take(1).Select(l => l with { Shipped = Math.Max(1, decimal.Floor(l.Ordered / 2)) }).ToList();
                var date = placedAt + step * 2;
                shipments.Add(new Shipment($"GI-{number[3..]}", DateOnly.FromDateTime(date.UtcDateTime),
                    shipped.Select(l => new ShipmentLine(l.Sku, full ? l.Ordered : l.Shipped)).ToList(), date));
                lines = lines.Select(l => full ? l with { Shipped = l.Ordered } : shipped.FirstOrDefault(s => s.Sku == l.Sku) ?? l).ToList();
            }
            if (full)
            {
                history.Add(new StatusChange(nameof(OrderStatus.Completed), placedAt + step * 3, "clerk"));
            }
        }

        return new OrderEntity
        {
            PartitionKey = counterparty,
            RowKey = OrderingKeys.Order(id),
            OrderId = id,
            Number = number,
            PlacedAt = placedAt,
            Status = status.ToString(),
            WarehouseId = warehouse.Id,
            WarehouseName = warehouse.Name,
            CustomerReference = random.Next(2) == 0 ? $"PO-{random.Next(100_000, 999_999)}" : null,
            PlacedByUserId = buyer.UserId,
            PlacedByUsername = buyer.Username,
            CheckoutId = Convert.ToHexStringLower(RandomBytes(random, 16)),
            Lines = JsonSerializer.Serialize(lines, PortalJson.Options),
            Total = Money.Store(lines.Sum(l => l.LineTotal)),
            Currency = Currency,
            History = JsonSerializer.Serialize(history, PortalJson.Options),
            Shipments = JsonSerializer.Serialize(shipments, PortalJson.Options),
            ListRowKey = OrderingKeys.OrderList(placedAt, id),
        };
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static PortalResponse Require(PortalResponse response, string what) =>
        response.IsSuccess ? response : throw new InvalidOperationException($"Seeding {what} failed: {response.Status} {response.Body}");

    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int parallelism, Func<T, Task> action) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await action(item));
}
