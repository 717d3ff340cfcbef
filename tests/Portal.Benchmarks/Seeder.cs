using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Documents;
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
    SeededDocuments Documents,
    IReadOnlyList<(string Step, string Detail, TimeSpan Took)> Steps)
{
    public TimeSpan Took => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);
}

/// <summary>
/// The invoices of the one counterparty that holds the documents history, the buyers of it who read them (one per client
/// at the highest client count) and the years the invoices span.
/// </summary>
public sealed record SeededDocuments(string CounterpartyId, IReadOnlyList<Buyer> Readers, string[] InvoiceIds, DateOnly First, DateOnly Last)
{
    public double Years => InvoiceIds.Length == 0 ? 0 : (Last.DayNumber - First.DayNumber) / 365.25;
}

/// <summary>
/// Seeds the volume fast: counterparties, buyers and products through the staff API (the way the company's ERP
/// would), and the order history straight into the Orders table with the portal's own entity classes in
/// single-partition entity-group transactions — writing 20,000 orders through checkouts would take far longer
/// and measure the checkout, not the reads. The documents history goes the same way: invoices straight into ONE
/// counterparty's partition of the Documents table, built as DocumentService builds them.
/// </summary>
public sealed class Seeder(BenchmarkOptions options, Uri baseAddress, OrderingStore store, DocumentStore documents, Action<string> progress)
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

        var documentsOf = counterparties[0];
        var readers = buyers.Where(b => b.CounterpartyId == documentsOf).ToList();
        var readersNeeded = options.Documents == 0 ? 0 : options.Levels.Max();
        if (readers.Count < readersNeeded)
        {
            watch.Restart();
            var more = await CreateBuyersAsync(staff, documentsOf, buyers.Length, readersNeeded - readers.Count);
            readers.AddRange(more);
            steps.Add(("Document readers", $"{more.Count} more buyers of {documentsOf} (POST manage/users), so that each client reading its documents is a buyer of its own", watch.Elapsed));
            progress($"  {more.Count} more buyers of {documentsOf} in {watch.Elapsed.TotalSeconds:F1} s");
        }
        readers = readers.Take(readersNeeded).ToList();

        watch.Restart();
        var (invoiceIds, first, last, documentTransactions) = await WriteInvoicesAsync(documentsOf, products);
        var seededDocuments = new SeededDocuments(documentsOf, readers, invoiceIds, first, last);
        if (options.Documents > 0)
        {
            steps.Add(("Documents", $"{invoiceIds.Length:N0} invoices + list rows over {seededDocuments.Years:F1} years, all in {documentsOf}'s partition, " +
                                    $"in {documentTransactions:N0} entity-group transactions (Documents table, direct)", watch.Elapsed));
            progress($"  {invoiceIds.Length} invoices in {watch.Elapsed.TotalSeconds:F1} s");
        }

        return new SeededData(counterparties, buyers, products, orderIds, seededDocuments, steps);
    }

    /// <summary>Buyers of one counterparty, created as the buyers step creates them, numbered on from <paramref name="firstIndex"/>.</summary>
    private static async Task<List<Buyer>> CreateBuyersAsync(PortalSession staff, string counterparty, int firstIndex, int count)
    {
        var created = new Buyer[count];
        await ForEachAsync(Enumerable.Range(0, count).ToList(), Environment.ProcessorCount, async k =>
        {
            var i = firstIndex + k;
            var username = $"buyer{i + 1:D3}@{counterparty}.example";
            var password = $"bench buyer {i + 1} {Guid.NewGuid():N}"[..32];
            var answer = Require(await staff.SendAsync(HttpMethod.Post, "/api/manage/users", new
            {
                username, password, displayName = $"Buyer {i + 1}", kind = "customer", counterpartyId = counterparty, accessGroupId = "customers",
            }), $"buyer {username}");
            created[k] = new Buyer(i, username, password, answer.Json().GetProperty("id").GetString()!, counterparty);
        });
        return created.ToList();
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

    /// <summary>
    /// The counterparty's invoice history: <see cref="BenchmarkOptions.Documents"/> invoices over five years, numbered per
    /// year in date order, 50 documents (100 rows: id row and list row) per entity-group transaction, a few transactions
    /// at a time. Each batch draws from a random of its own, so the data does not depend on which batch runs first.
    /// </summary>
    private async Task<(string[] Ids, DateOnly First, DateOnly Last, int Transactions)> WriteInvoicesAsync(string counterparty, IReadOnlyList<SeedProduct> products)
    {
        if (options.Documents == 0)
        {
            return ([], default, default, 0);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(Ordering.StableSeed(options.Seed, "invoice dates"));
        // Five years of history, a little more of it recent (the customer grew).
        var dates = Enumerable.Range(0, options.Documents).Select(_ => today.AddDays(-(int)(5 * 365 * Math.Pow(random.NextDouble(), 1.2)))).Order().ToArray();
        var numbers = new string[dates.Length];
        var ids = new string[dates.Length];
        for (int i = 0, inYear = 0; i < dates.Length; i++)
        {
            inYear = i > 0 && dates[i].Year == dates[i - 1].Year ? inYear + 1 : 1;
            numbers[i] = $"INV-{dates[i].Year}-{inYear:D6}";
            ids[i] = DocumentKeys.Id(counterparty, DocumentTypes.Invoices, numbers[i]);
        }

        const int perTransaction = EntityGroup.MaxEntities / 2;
        var batches = Enumerable.Range(0, (dates.Length + perTransaction - 1) / perTransaction).ToList();
        var now = DateTimeOffset.UtcNow;
        await ForEachAsync(batches, 4, async batch =>
        {
            var batchRandom = new Random(Ordering.StableSeed(options.Seed, $"invoices {batch}"));
            var change = new EntityGroup(counterparty);
            for (var i = batch * perTransaction; i < Math.Min(dates.Length, (batch + 1) * perTransaction); i++)
            {
                var invoice = NewInvoice(counterparty, ids[i], numbers[i], dates[i], today, now, products, batchRandom);
                change.Add(invoice).Add(ListRowOf(invoice));
            }
            await documents.SubmitAsync(change, CancellationToken.None);
        });
        return (ids, dates[0], dates[^1], batches.Count);
    }

    /// <summary>
    /// An invoice as the ERP would send it (PUT manage/documents/{counterpartyId}/invoices/{number}), stored the way
    /// DocumentService.NewEntity stores that request: lines through CompressedJsonColumn, the status as the enum
    /// member's name, the total as the sum of the line totals, the content hash of the same body, so the portal reads
    /// the row as its own and the same body sent again changes nothing.
    /// </summary>
    private static DocumentEntity NewInvoice(string counterparty, string id, string number, DateOnly date, DateOnly today, DateTimeOffset now,
        IReadOnlyList<SeedProduct> products, Random random)
    {
        const string type = DocumentTypes.Invoices;
        int[] terms = [14, 30, 30, 30, 45, 60];
        var dueDate = date.AddDays(terms[random.Next(terms.Length)]);
        var age = today.DayNumber - date.DayNumber;
        var roll = random.NextDouble();
        // Paid as time goes by; now and then an old one is still open.
        var status = age switch
        {
            > 120 => roll < 0.97 ? DocumentStatus.Paid : roll < 0.99 ? DocumentStatus.PartiallyPaid : DocumentStatus.Unpaid,
            > 30 => roll < 0.75 ? DocumentStatus.Paid : roll < 0.85 ? DocumentStatus.PartiallyPaid : DocumentStatus.Unpaid,
            _ => roll < 0.25 ? DocumentStatus.Paid : roll < 0.35 ? DocumentStatus.PartiallyPaid : DocumentStatus.Unpaid,
        };
        var request = new DocumentRequest
        {
            Date = date,
            Status = status,
            DueDate = dueDate,
            Lines = Enumerable.Range(0, 1 + random.Next(20)).Select(_ => products[random.Next(products.Count)]).Select(p => new DocumentLineRequest
            {
                Sku = p.Sku, Name = p.Name, Unit = "pcs", Quantity = 1 + random.Next(50), UnitPrice = p.Price,
            }).ToList(),
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{type}\n{number}\n{Currency}\n{JsonSerializer.Serialize(request, PortalJson.Options)}")));

        var lines = request.Lines.Select(l => new DocumentLine(string.IsNullOrWhiteSpace(l.Sku) ? null : l.Sku.Trim(), l.Name.Trim(), l.Unit?.Trim(), l.Quantity,
            l.UnitPrice, l.LineTotal ?? Money.LineTotal(l.UnitPrice ?? 0m, l.Quantity))).ToList();
        var stored = CompressedJsonColumn.Write(lines) ?? throw new InvalidOperationException($"The lines of {number} do not fit a row.");
        byte[]? Chunk(int i) => stored.Chunks.Length > i ? stored.Chunks[i] : null;
        static DateTime? Utc(DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new DocumentEntity
        {
            PartitionKey = counterparty,
            RowKey = DocumentKeys.Document(type, id),
            DocumentId = id,
            Number = number,
            Date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ListRowKey = DocumentKeys.List(type, date, id),
            Type = type,
            Status = status.ToString(),
            DueDate = Utc(dueDate),
            Total = Money.Store(lines.Sum(l => l.LineTotal)),
            Currency = Currency,
            LineCount = lines.Count,
            LinesJson = stored.Json,
            LinesGzip1 = Chunk(0),
            LinesGzip2 = Chunk(1),
            LinesGzip3 = Chunk(2),
            LinesGzip4 = Chunk(3),
            Related = JsonColumn.Write(new List<RelatedRef>()),
            ContentHash = hash,
            UpdatedAt = now,
        };
    }

    /// <summary>The list row as DocumentService.ListRow makes it: the same document without its lines.</summary>
    private static DocumentEntity ListRowOf(DocumentEntity d) => new()
    {
        PartitionKey = d.PartitionKey, RowKey = d.ListRowKey, DocumentId = d.DocumentId, Number = d.Number, Date = d.Date, ListRowKey = d.ListRowKey,
        Type = d.Type, Status = d.Status, DueDate = d.DueDate, ValidUntil = d.ValidUntil, PeriodFrom = d.PeriodFrom, PeriodTo = d.PeriodTo, Total = d.Total,
        TaxTotal = d.TaxTotal, Currency = d.Currency, LineCount = d.LineCount, Related = d.Related, Notes = null, ContentHash = d.ContentHash, UpdatedAt = d.UpdatedAt,
    };

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
