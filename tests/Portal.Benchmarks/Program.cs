using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Benchmarks;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;
using Portal.LocalHost;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (UsageException ex)
{
    if (ex.Message.Length > 0)
    {
        Console.Error.WriteLine(ex.Message);
    }
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return ex.Message.Length > 0 ? 2 : 0;
}

static void Progress(string text) => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {text}");

var root = Azurite.FindRepositoryRoot(AppContext.BaseDirectory);
var startedAt = DateTimeOffset.UtcNow;
var total = Stopwatch.StartNew();
var loadBefore = Machine.LoadAverage();
Progress($"Load average before: {loadBefore}. Starting Azurite (in memory) and the portal.");

var azuriteUp = Stopwatch.StartNew();
await using var azurite = await Azurite.StartOnFreePortsAsync(root, dataFolder: null, CancellationToken.None);
var portalOptions = new LocalPortalOptions
{
    RepositoryRoot = root,
    Urls = "http://127.0.0.1:0",
    StartAzurite = false,
    SeedDemoData = true,
};
portalOptions.Settings["AzureWebJobsStorage"] = azurite.ConnectionString;
// LocalHost logs every call at Information to the console; in Azure that goes to Application Insights, not a terminal.
portalOptions.Settings["Logging:LogLevel:Default"] = "Warning";
await using var portal = await LocalPortal.CreateAsync([], portalOptions);
await portal.StartAsync();
Progress($"Portal at {portal.BaseAddress}, Azurite table endpoint on port {azurite.TablePort}.");

if (options.Only == BalancesBenchmark.SectionName)
{
    var balances = await new BalancesBenchmark(portal.BaseAddress, azurite.ConnectionString, options.BalanceIterations, Math.Min(10, options.BalanceIterations),
        options.BalancePayments, Progress).RunAsync();
    var section = BalancesBenchmark.ToMarkdown(balances, "dotnet run -c Release --project tests/Portal.Benchmarks -- " + string.Join(' ', args), Machine.Describe(),
        loadBefore, Machine.LoadAverage(), startedAt);
    Console.Out.Write(section);
    if (options.Out is { } sectionPath)
    {
        var existing = File.Exists(sectionPath) ? await File.ReadAllTextAsync(sectionPath) : "";
        await File.WriteAllTextAsync(sectionPath, ReportSections.Replace(existing, BalancesBenchmark.SectionName, section));
        Progress($"Balances section written to {sectionPath}");
    }
    return 0;
}

if (options.Only == OrdersDeskBenchmark.SectionName)
{
    var desk = await new OrdersDeskBenchmark(portal.BaseAddress, azurite.ConnectionString, options.DeskIterations, options.DeskOrders, [10, 1000], Progress).RunAsync();
    var section = OrdersDeskBenchmark.ToMarkdown(desk, "dotnet run -c Release --project tests/Portal.Benchmarks -- " + string.Join(' ', args), Machine.Describe(),
        loadBefore, Machine.LoadAverage(), startedAt);
    Console.Out.Write(section);
    if (options.Out is { } sectionPath)
    {
        var existing = File.Exists(sectionPath) ? await File.ReadAllTextAsync(sectionPath) : "";
        await File.WriteAllTextAsync(sectionPath, ReportSections.Replace(existing, OrdersDeskBenchmark.SectionName, section));
        Progress($"Orders desk section written to {sectionPath}");
    }
    return 0;
}

var raw = new TableServiceClient(azurite.ConnectionString);
var cpu = new CpuMeter(CpuMeter.FindAzurite(azurite.TablePort));
var failures = new Failures();

Progress($"Seeding {options.Counterparties} counterparties, {options.Buyers} buyers, {options.Products} products, {options.Orders} orders, {options.Documents} invoices");
cpu.Start("Seeding");
var seeded = await new Seeder(options, portal.BaseAddress, portal.Services.GetRequiredService<OrderingStore>(),
    portal.Services.GetRequiredService<DocumentStore>(), Progress).SeedAsync();
cpu.Stop();
Progress($"Seeded in {seeded.Took.TotalSeconds:F1} s");

var sessionsNeeded = Math.Max(options.Levels.Max(), options.Clients);
var users = new BenchUser[sessionsNeeded];
await Seeder.ForEachAsync(Enumerable.Range(0, sessionsNeeded).ToList(), Environment.ProcessorCount, async i =>
{
    var buyer = seeded.Buyers[i];
    users[i] = new BenchUser(buyer, await PortalSession.SignInAsync(portal.BaseAddress, buyer.Username, buyer.Password), seeded.OrderIdsByCounterparty[buyer.CounterpartyId]);
});
// A cart with a few lines, so that reading it prices something.
foreach (var user in users.Take(options.Levels.Max()))
{
    foreach (var product in Enumerable.Range(user.Buyer.Index * 3, 3).Select(k => seeded.Products[k % seeded.Products.Count]))
    {
        var added = await user.Session.SendAsync(HttpMethod.Post, "/api/cart/lines", new { sku = product.Sku, quantity = 2 });
        if (!added.IsSuccess)
        {
            throw new InvalidOperationException($"Could not fill the cart of {user.Buyer.Username}: {added.Status} {added.Body}");
        }
    }
}
// The documents endpoints read one counterparty's history: each client is a different buyer of that counterparty.
var documentReaders = new BenchUser[seeded.Documents.Readers.Count];
await Seeder.ForEachAsync(Enumerable.Range(0, documentReaders.Length).ToList(), Environment.ProcessorCount, async i =>
{
    var buyer = seeded.Documents.Readers[i];
    documentReaders[i] = users.FirstOrDefault(u => u.Buyer == buyer)
                         ?? new BenchUser(buyer, await PortalSession.SignInAsync(portal.BaseAddress, buyer.Username, buyer.Password), seeded.OrderIdsByCounterparty[buyer.CounterpartyId]);
});
Progress($"{users.Length} buyers signed in; {documentReaders.Length} buyers of {seeded.Documents.CounterpartyId} read its documents");

Progress($"Customer reads: {options.Iterations} measured requests per endpoint and client count, portal and raw each");
cpu.Start("Customer reads");
var reads = await new ReadBenchmarks(options, users, documentReaders, seeded.Documents, raw, failures, Progress).RunAsync();
cpu.Stop();

// Every cache a customer read goes through lasts at most this long (session, settings, access group, prices, catalog).
var cachesLast = new[] { CatalogStore.SnapshotLifetime, portal.Services.GetRequiredService<IOptions<AuthOptions>>().Value.SessionCacheDuration, TimeSpan.FromSeconds(30) }
    .Max() + TimeSpan.FromSeconds(2);
List<ColdCall> cold = [];
if (options.CacheExpiry)
{
    Progress($"First calls after the caches expire ({cachesLast.TotalSeconds:F0} s idle before each)");
    cpu.Start("Cache expiry");
    cold = await new ReadBenchmarks(options, users, documentReaders, seeded.Documents, raw, failures, Progress).RunColdAsync(cachesLast);
    cpu.Stop();
}

Progress($"Checkouts: {options.Checkouts} per client count");
cpu.Start("Checkouts");
var checkouts = await new CheckoutBenchmark(options, users, seeded.Products, raw, failures, Progress).RunAsync();
cpu.Stop();

var loadStartedAfterAzurite = azuriteUp.Elapsed;
Progress($"Load run: {options.Clients} clients × {options.Duration} s, starting {loadStartedAfterAzurite.TotalSeconds:F0} s after Azurite started");
cpu.Start("Load run");
var load = await new LoadRun(options, users, seeded.Products, azurite.ConnectionString, failures, Progress).RunAsync();
cpu.Stop();

foreach (var user in users.Concat(documentReaders).Distinct())
{
    user.Session.Dispose();
}
var loadAfter = Machine.LoadAverage();
var report = new Report(options, startedAt, total.Elapsed, root, loadBefore, loadAfter, portal.BaseAddress, seeded, reads, cold, cachesLast, checkouts, load, loadStartedAfterAzurite, cpu.Phases, failures)
    .ToMarkdown();
Console.Out.Write(report);
if (options.Out is { } path)
{
    var full = Path.GetFullPath(path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    // Phases run on their own (--only) keep their sections in the report.
    var previous = File.Exists(full) ? await File.ReadAllTextAsync(full) : "";
    var kept = string.Join("\n\n", new[] { BalancesBenchmark.SectionName, OrdersDeskBenchmark.SectionName }
        .Select(name => ReportSections.Find(previous, name)).OfType<string>());
    await File.WriteAllTextAsync(full, kept.Length == 0 ? report : report.TrimEnd() + "\n\n" + kept + "\n");
    Progress($"Report written to {path}");
}
return load.Passed && failures.ServerErrors == 0 ? 0 : 1;
