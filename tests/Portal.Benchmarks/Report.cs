using System.Globalization;
using System.Runtime;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>The run as Markdown: the header says where and how it ran, then every figure, then the verdicts against the quality budgets in docs/architecture.md.</summary>
public sealed class Report(
    BenchmarkOptions options,
    DateTimeOffset startedAt,
    TimeSpan took,
    string repositoryRoot,
    string loadBefore,
    string loadAfter,
    Uri portalAddress,
    SeededData seeded,
    IReadOnlyList<ReadResult> reads,
    IReadOnlyList<ColdCall> cold,
    TimeSpan cachesLast,
    IReadOnlyList<CheckoutResult> checkouts,
    LoadResult load,
    TimeSpan loadStartedAfterStorage,
    IReadOnlyList<CpuShare> cpu,
    Failures failures)
{
    /// <summary>Another process using more than this share of the machine in a phase gets the run marked as shared.</summary>
    private const double SharedThreshold = 10;

    private readonly StringBuilder _md = new();
    private readonly SeededDocuments _documents = seeded.Documents;

    public string ToMarkdown()
    {
        Header();
        Seeding();
        Reads();
        StorageRequests();
        Checkouts();
        Load();
        Verdicts();
        Unexpected();
        return _md.ToString();
    }

    private void Header()
    {
        var command = "dotnet run -c Release --project tests/Portal.Benchmarks" + (options.Arguments.Length == 0 ? "" : " -- " + string.Join(' ', options.Arguments.Select(Quote)));
        Line("# Benchmarks");
        Line();
        Line("The latest output of the benchmark in `tests/Portal.Benchmarks` (see the README, *Benchmarks*). The program writes this whole file; " +
             "to update it, run the command below again rather than editing it.");
        Line();
        if (options.IsQuick)
        {
            Line("> **This is a `--quick` smoke run** (tiny volume, few iterations): it shows the benchmark works, its figures mean little.");
            Line();
        }
        var reduced = new List<string>();
        if (options.Counterparties < BenchmarkOptions.Defaults.Counterparties) reduced.Add($"{options.Counterparties} counterparties");
        if (options.Products < BenchmarkOptions.Defaults.Products) reduced.Add($"{options.Products} products");
        if (options.Orders < BenchmarkOptions.Defaults.Orders) reduced.Add($"{options.Orders} orders");
        if (options.Documents < BenchmarkOptions.Defaults.Documents) reduced.Add($"{options.Documents} invoices");
        if (reduced.Count > 0 && !options.IsQuick)
        {
            Line($"> **Reduced volume:** {string.Join(", ", reduced)} instead of the default 50 counterparties, 2,000 products, 20,000 orders, 100,000 invoices.");
            Line();
        }

        Line("| | |");
        Line("|---|---|");
        Row("Command", $"`{command}`");
        Row("Date", startedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + $" (took {took.TotalMinutes:F1} min)");
        Row("Machine", Machine.Describe());
        Row("Build", $"{Configuration}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Row("Storage", $"Azurite {Machine.AzuriteVersion(repositoryRoot)}, in memory, started by the benchmark on free loopback ports");
        Row("Portal", $"LocalHost in the benchmark's process at {portalAddress.GetLeftPart(UriPartial.Authority)}, with the demo data; host.json queue settings as committed; portal log level Warning");
        Row("Volume", $"{N(options.Counterparties)} counterparties, {N(seeded.Buyers.Count + _documents.Readers.Count(r => !seeded.Buyers.Contains(r)))} buyers (every client signs in as a buyer of its own), {N(seeded.Products.Count)} products (plus the demo catalog), " +
                      $"{N(seeded.OrderIdsByCounterparty.Values.Sum(o => o.Length))} orders over about a year (plus the demo orders)" +
                      (_documents.InvoiceIds.Length == 0 ? "" : $", {N(_documents.InvoiceIds.Length)} invoices over {_documents.Years:F1} years in one counterparty's partition ({_documents.CounterpartyId})"));
        Row("Load average (1, 5, 15 min)", $"before {loadBefore}; after {loadAfter}");
        Line();

        Line("CPU use per phase, in % of all cores (from /proc): this process is the benchmark's clients *and* the portal; Azurite is the Node process the benchmark started; " +
             "*other* is everything else on the machine.");
        Line();
        Line("| Phase | Wall | Machine busy | This process | Azurite | Other |");
        Line("|---|---:|---:|---:|---:|---:|");
        foreach (var phase in cpu)
        {
            Line($"| {phase.Phase} | {phase.Wall.TotalSeconds:F0} s | {phase.MachineBusy:F0} % | {phase.ThisProcess:F0} % | {phase.Azurite:F0} % | {phase.Other:F0} % |");
        }
        Line();
        var shared = cpu.Where(p => p.Other > SharedThreshold).ToList();
        if (shared.Count > 0)
        {
            Line("> **The machine was shared:** other processes took " + string.Join(", ", shared.Select(p => $"{p.Other:F0} % of the CPU during {p.Phase.ToLowerInvariant()}")) +
                 ". Latencies are higher and throughput lower than on an idle machine; portal and raw batches alternate, so the ratios are less affected than the absolute figures.");
        }
        else
        {
            Line($"Other processes used at most {(cpu.Count == 0 ? 0 : cpu.Max(p => p.Other)):F0} % of the CPU in any phase: the machine was not noticeably shared.");
        }
        Line();
    }

    private void Seeding()
    {
        Line("## Seeding");
        Line();
        Line("| Step | What | Took |");
        Line("|---|---|---:|");
        foreach (var (step, detail, time) in seeded.Steps)
        {
            Line($"| {step} | {detail} | {time.TotalSeconds:F1} s |");
        }
        Line($"| **Total** | | **{seeded.Took.TotalSeconds:F1} s** |");
        Line();
    }

    private void Reads()
    {
        Line("## Customer reads: portal against the raw Azurite floor");
        Line();
        var documentsNote = _documents.InvoiceIds.Length == 0 ? "" :
            $" For the documents endpoints every client is a different signed-in buyer of {_documents.CounterpartyId}, the one counterparty whose partition holds the " +
            $"{N(_documents.InvoiceIds.Length)} invoices, and the counts are {BenchmarkOptions.WarmUpFor(options.DocumentIterations)} and {N(options.DocumentIterations)} (see the notes).";
        Line($"Each client is its own signed-in buyer of its own counterparty. Per endpoint and client count: {options.WarmUp} warm-up calls each way, then " +
             $"{N(options.Iterations)} measured portal calls and {N(options.Iterations)} measured raw calls in {options.Rounds} alternating batches, closed loop " +
             "(a client sends its next request when the previous answer is read). Portal time is the client's: request sent to body read, over HTTP on loopback. " +
             "Raw is the same storage operation made with the Azure SDK (`TableClient`) from the same process, on the same targets, at the same concurrency." + documentsNote);
        Line();
        Line("| Endpoint | Clients | Portal p50 | p95 | p99 | req/s | Raw floor | Raw p50 | p95 | p99 | req/s | p95 ratio | per batch pair | ≤ 1.25 |");
        Line("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var r in reads)
        {
            var spread = r.BatchRatios.Count == 0 ? "–" : $"{r.BatchRatios.Min():F2}–{r.BatchRatios.Max():F2}";
            Line($"| `{r.Endpoint}` | {r.Clients} | {Ms(r.Portal.P50)} | {Ms(r.Portal.P95)} | {Ms(r.Portal.P99)} | {r.Portal.PerSecond:F0} | {r.Floor} | " +
                 $"{Ms(r.Raw.P50)} | {Ms(r.Raw.P95)} | {Ms(r.Raw.P99)} | {r.Raw.PerSecond:F0} | **{r.Ratio:F2}** | {spread} | {Budget(r)} |");
        }
        Line();
        Line("Times in milliseconds. Notes:");
        Line();
        Line($"- *p95 ratio* is over all {N(options.Iterations)} calls each way ({N(options.DocumentIterations)} for the documents endpoints); *per batch pair* is the lowest and highest ratio of the {options.Rounds} " +
             "portal/raw batch pairs it is made of, which shows how much of a difference near 1.25 is noise.");
        Line("- `GET products` is served from the in-memory catalog snapshot with the session, settings, access group and prices cached, so in the steady state it makes " +
             "no storage request at all and has no storage operation of its own to compare with. Its floor is the cheapest storage request any signed-in call can " +
             "cost: the point read of the caller's session row (what every call pays when the 30-second session cache has expired). A ratio above 1 there is the " +
             "portal's own cost (HTTP, routing, session check, filtering 2,000+ products, JSON) measured against one storage round trip.");
        Line($"- `GET orders` is compared with the same single-partition range query the portal sends for the first page (`PartitionKey eq cp and RowKey ge 'olist:' and RowKey lt 'olist:~'`, {ReadBenchmarks.OrdersPageSize} rows).");
        Line("- `GET orders/{id}` and `GET cart` are compared with the point read of the order row and of the buyer's cart row (3 lines), deserialized into the portal's own entity classes.");
        DocumentNotes();
        Line("- The portal measurement includes an HTTP hop the raw one does not have (client → Kestrel), and both share two cores with Azurite, so the ratio " +
             "is the overhead on this machine, not a property of the code alone.");
        Line();
    }

    /// <summary>Whether the ratio is within the budget; in brackets for a second floor, which is there for information.</summary>
    private static string Budget(ReadResult r)
    {
        var verdict = r.Ratio <= ReadBenchmarks.RatioBudget ? "yes" : "**no**";
        return r.SecondFloor ? $"({verdict})" : verdict;
    }

    private void DocumentNotes()
    {
        if (_documents.InvoiceIds.Length == 0)
        {
            return;
        }
        var list = reads.FirstOrDefault(r => r.Endpoint == "GET documents/invoices" && r.Clients == 1);
        var page = reads.FirstOrDefault(r => r.Endpoint == "GET documents/invoices/{id}" && !r.SecondFloor && r.Clients == 1);
        var point = reads.FirstOrDefault(r => r.Endpoint == "GET documents/invoices/{id}" && r.SecondFloor && r.Clients == 1);
        Line($"- The documents endpoints read {_documents.CounterpartyId}, whose partition of the Documents table holds {N(_documents.InvoiceIds.Length)} invoices " +
             $"dated {_documents.First:yyyy-MM-dd} to {_documents.Last:yyyy-MM-dd} (each an id row with its 1–20 lines and a list row without them, written as " +
             "DocumentService writes them). `GET documents/invoices` is compared with the same single-partition range query DocumentStore sends for the first " +
             $"page without filters (`PartitionKey eq cp and RowKey ge 'dlist:invoices:' and RowKey lt 'dlist:invoices:~'`, {ReadBenchmarks.OrdersPageSize} rows, " +
             "read into the portal's `DocumentEntity`). Azurite answers every query by scanning all rows of the table and sorting all that match before it " +
             $"returns the first page, so here that floor grows with the history{(list is null ? "" : $" ({Ms(list.Raw.P50)} ms p50 at 1 client")}" +
             $"{(list is null ? "" : ")")} and, Azurite being one Node thread, concurrent clients queue behind each other; Azure Table Storage serves the same " +
             "range from the partition's index. What the ratio shows is what the portal adds to that query.");
        Line("- `GET documents/invoices/{id}` reads invoices from the whole history, not only recent ones. The portal reads the document row (with its " +
             "lines) and the rows beside it — its file and the documents that name it (`doc:invoices:{id}:…`) — with one range query, so the call costs " +
             "1 storage request (2 when the session cache has expired), and that range query is its floor. On Azurite a range query is a scan of the whole " +
             "table" + (page is null || point is null ? "" : $" ({Ms(page.Raw.P50)} ms p50 at 1 client, against {Ms(point.Raw.P50)} ms for a point read of the document row alone)") +
             "; Azure Table Storage serves a RowKey range inside a partition from its index. The second row for this endpoint compares the portal with " +
             "that point read; its verdict is in brackets, because the budget is against the request the portal makes.");
    }

    private void StorageRequests()
    {
        Line("## Storage requests per call");
        Line();
        Line("From the `X-Storage-Requests` header LocalHost puts on every answer (every storage request the call made, retries included), over all measured calls above.");
        Line();
        Line("| Endpoint | Clients | Calls | min | mean | max | calls with > 2 | ≤ 2 (§7) | 5xx |");
        Line("|---|---:|---:|---:|---:|---:|---:|:---:|---:|");
        foreach (var r in reads)
        {
            var s = r.Portal;
            Line($"| `{r.Endpoint}`{(r.SecondFloor ? " (second floor's pass)" : "")} | {r.Clients} | {N(s.Count)} | {s.StorageMin} | {s.StorageMean:F3} | {s.StorageMax} | {s.OverTwoStorage} | {(s.StorageMax <= 2 ? "yes" : "**no**")} | {s.Errors5xx} |");
        }
        Line();
        if (cold.Count == 0)
        {
            Line("The first call after the portal's caches expire was not measured in this run (`--quick` or `--no-cache-expiry`).");
            Line();
        }
        else
        {
            Line("The measured calls above come in quick succession, so they nearly always find the portal's short-lived caches warm: the session (per " +
                 "instance, 30 s), the portal settings, the access group, the counterparty's prices and the catalog snapshot (30 s each). A call that finds one " +
                 "expired reloads it itself. The worst case, measured directly: for each endpoint, no calls at all for " +
                 $"{cachesLast.TotalSeconds:F0} s (longer than every cache lasts), then one call.");
            Line();
            Line("| Endpoint | Storage requests, first call after the caches expired | Its time (ms) | ≤ 2 (§7) |");
            Line("|---|---:|---:|:---:|");
            foreach (var c in cold)
            {
                Line($"| `{c.Endpoint}` | {c.StorageRequests} | {Ms(c.Milliseconds)} | {(c.StorageRequests <= 2 ? "yes" : "**no**")} |");
            }
            Line();
        }
        // A measurement slower than the caches last sees them expire on the way: those calls are the cold case above.
        var slowReads = reads.Where(r => r.Portal.OverTwoStorage > 0).ToList();
        if (slowReads.Count > 0)
        {
            Line("Among the measured calls above, the same shows up where a measurement lasted longer than the caches: " +
                 string.Join(", ", slowReads.Select(r => $"`{r.Endpoint}`{(r.SecondFloor ? " (second floor's pass)" : "")} at {r.Clients} client{(r.Clients == 1 ? "" : "s")} " +
                                                          $"{r.Portal.OverTwoStorage} of {N(r.Portal.Count)} calls above 2, up to {r.Portal.StorageMax}")) + ".");
            Line();
        }
        var loadReads = load.Operations.Where(o => o.Operation.StartsWith("GET ", StringComparison.Ordinal) && o.Stats.StorageMax > 2).ToList();
        if (loadReads.Count > 0)
        {
            Line("In the load run (below) the same shows up on busy clients: " +
                 string.Join(", ", loadReads.Select(o => $"`{o.Operation}` {o.Stats.OverTwoStorage} of {N(o.Stats.Count)} calls above 2, up to {o.Stats.StorageMax}")) + ".");
            Line();
        }
    }

    private void Checkouts()
    {
        Line("## POST checkouts → completed");
        Line();
        Line($"Each client puts 1–3 random products into its cart (`POST cart/lines`), sends `POST checkouts` with the cart's ETag in If-Match and a new Idempotency-Key, " +
             $"then polls `GET checkouts/{{id}}` every {CheckoutBenchmark.PollInterval.TotalMilliseconds:F0} ms until it is completed. *Completed* is the time from sending the POST " +
             "to the poll that saw it completed: what the buyer waits, including the queue trigger's polling (host.json `maxPollingInterval` 2 s: an idle queue is " +
             "polled less and less often, up to every 2 s). *Server* is the checkout row's `CreatedAt` → `CompletedAt`. One warm-up checkout per client first.");
        Line();
        Line("| Clients | Checkouts | `POST cart/lines` p50 / p95 | `POST checkouts` p50 / p95 / p99 | storage req. per POST (mean / max) | Completed p50 / p95 / p99 | Server p50 / p95 / p99 | checkouts/s | completed / failed / unfinished |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var c in checkouts)
        {
            Line($"| {c.Clients} | {c.Completion.Count} | {Ms(c.AddLine.P50)} / {Ms(c.AddLine.P95)} | {Ms(c.Post.P50)} / {Ms(c.Post.P95)} / {Ms(c.Post.P99)} | " +
                 $"{c.Post.StorageMean:F1} / {c.Post.StorageMax} | {Ms(c.Completion.P50)} / {Ms(c.Completion.P95)} / {Ms(c.Completion.P99)} | " +
                 $"{Ms(c.ServerSide.P50)} / {Ms(c.ServerSide.P95)} / {Ms(c.ServerSide.P99)} | {c.Completion.PerSecond:F1} | {c.Completed} / {c.Failed} / {c.NotFinished} |");
        }
        Line();
        Line($"Times in milliseconds; {string.Join(", ", checkouts.Select(c => $"{c.PollsPerCheckout:F1} polls per checkout at {c.Clients}"))}; " +
             $"{string.Join(", ", checkouts.Select(c => $"{c.OrdersCreated} orders created at {c.Clients}"))} (one per warehouse in the cart).");
        Line();
    }

    private void Load()
    {
        Line("## Load run");
        Line();
        Line($"{load.Clients} clients (each its own buyer and counterparty where there are enough) for {load.DurationSeconds} s, at most {N(options.MaxRequestsPerClient)} requests each, " +
             "on loopback, closed loop without think time. Each step is one of: product list (half by category) 12 %, product search 8 %, product detail 14 %, " +
             "order list (a quarter filtered by status) 14 %, order detail 18 %, cart 19 %, ordering 15 %. Ordering waits until the client's previous checkout is " +
             $"finished (polling every {LoadRun.PollInterval.TotalMilliseconds:F0} ms), adds 1–3 products, checks out with a new Idempotency-Key and a unique customer reference, " +
             "and in 20 % of cases sends the same request again (half right after the answer, half at the same moment, as a double click). " +
             "Afterwards it waits for every accepted checkout to finish, lists every involved counterparty's orders (all pages, as its buyer) and reads every reported order by id.");
        Line();
        Line($"**{N(load.RequestsInWindow)} requests in {load.Wall.TotalSeconds:F1} s = {load.RequestsInWindow / load.Wall.TotalSeconds:F0} req/s**; " +
             $"{N(load.Requests - load.RequestsInWindow)} more polls while waiting {load.Drain.TotalSeconds:F1} s for the last checkouts.");
        Line();
        Line("| Operation | Requests | p50 | p95 | p99 | max | req/s | storage req. mean / max | 5xx | other non-2xx |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (operation, s) in load.Operations)
        {
            Line($"| `{operation}` | {N(s.Count)} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} | {s.PerSecond:F1} | {s.StorageMean:F2} / {s.StorageMax} | {s.Errors5xx} | {s.OtherErrors} |");
        }
        Line();
        var seconds = load.Seconds.Where(s => s.Count > 0).ToList();
        if (seconds.Count > 0)
        {
            var rates = seconds.Select(s => (double)s.Count).Order().ToArray();
            var stalls = load.Seconds.Where(s => s.Slow > 0).ToList();
            Line($"Requests finished per second of the window: min {rates[0]:F0}, median {Stats.Percentile(rates, 50):F0}, max {rates[^1]:F0}. " +
                 (stalls.Count == 0
                     ? $"No request took over {Timeline.SlowMilliseconds / 1000:F0} s."
                     : $"Seconds of the window in which requests over {Timeline.SlowMilliseconds / 1000:F0} s finished (the window began " +
                       $"{loadStartedAfterStorage.TotalSeconds:F0} s after Azurite started): " +
                       string.Join(", ", stalls.Select(s => $"{s.Second}–{s.Second + 1} s ({s.Slow} of {s.Count} requests, slowest {s.Max / 1000:F1} s, " +
                                                            $"so it began about {(loadStartedAfterStorage.TotalSeconds + s.Second + 1 - s.Max / 1000):F0} s after Azurite started)")) + "."));
            Line();
            if (stalls.Count > 0)
            {
                Line("> **Storage stalls.** Every call that touched storage stopped at the same moment while calls served from memory (`GET products…`) went on, so " +
                     "the emulator stopped answering. Azurite 3.37 runs a mark-and-sweep of its queue message extents when it starts and then 60 s after each sweep " +
                     "ends; with in-memory persistence the whole Node process — tables included — stops answering while it runs, for longer the more queue " +
                     "messages were deleted since (each checkout sends and deletes a few), so sweeps come a little more than 60 s apart: compare the start " +
                     "times above. In a separate test with nothing but queue traffic, Azurite stopped answering table reads about 60 s after it started in the " +
                     "same way. Azure Storage has no such pause; these seconds are inside the load run's max and p99 above.");
                Line();
            }
        }
        Line("Status codes: " + string.Join(", ", load.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {N(s.Value)}")) + ".");
        Line();
        Line("| Count | |");
        Line("|---|---:|");
        Row("Ordering actions (checkout POSTs, retries not counted)", N(load.CheckoutPosts));
        Row("Checkouts accepted (distinct ids answered 202)", N(load.CheckoutsAccepted));
        Row("Retries with the same key / answered with the same checkout", $"{N(load.Retries)} / {N(load.RetriesSameCheckout)}");
        Row("Completed / failed / not finished", $"{N(load.Completed)} / {N(load.Failed)} / {N(load.NotFinished)}");
        Row("Orders reported by completed checkouts", N(load.OrdersExpected));
        Row("… found in the counterparties' order lists", N(load.OrdersInLists));
        Row("… read back by id", N(load.OrdersReadBack));
        Row("Lost orders", N(load.Lost));
        Row("Duplicated orders or checkouts", N(load.Duplicated));
        Row("Repeated order numbers", N(load.DuplicateNumbers));
        Row("Messages in checkouts-poison", N(load.PoisonMessages));
        Row("5xx answers", N(load.ServerErrors));
        Line();
        Line("```");
        foreach (var check in load.Checks)
        {
            Line($"{(check.Passed ? "PASS" : "FAIL")}  {check.Text}");
        }
        Line("```");
        Line();
    }

    private void Verdicts()
    {
        Line("## Against the budgets (the quality budgets in docs/architecture.md)");
        Line();
        foreach (var endpoint in reads.Where(r => !r.SecondFloor).GroupBy(r => r.Endpoint))
        {
            var ratios = string.Join("; ", endpoint.Select(r => $"{r.Ratio:F2} at {r.Clients} client{(r.Clients == 1 ? "" : "s")}"));
            var met = endpoint.All(r => r.Ratio <= ReadBenchmarks.RatioBudget);
            Line($"- {(met ? "Met" : "**Not met**")}: `{endpoint.Key}` p95 portal / p95 raw ≤ 1.25{History(endpoint.Key)} — {ratios}" +
                 (endpoint.Key == "GET documents/invoices/{id}" ? $" (floor: {endpoint.First().Floor})." : "."));
        }
        foreach (var endpoint in reads.Where(r => r.SecondFloor).GroupBy(r => r.Endpoint))
        {
            var ratios = string.Join("; ", endpoint.Select(r => $"{r.Ratio:F2} at {r.Clients} client{(r.Clients == 1 ? "" : "s")}"));
            Line($"- For information, not the budget's floor: `{endpoint.Key}` against {endpoint.First().Floor} — {ratios}.");
        }
        foreach (var endpoint in reads.GroupBy(r => r.Endpoint))
        {
            var max = endpoint.Max(r => r.Portal.StorageMax);
            var mean = endpoint.Sum(r => r.Portal.StorageMean * r.Portal.Count) / Math.Max(1, endpoint.Sum(r => r.Portal.Count));
            var calls = endpoint.Sum(r => r.Portal.Count);
            var coldCount = cold.FirstOrDefault(c => c.Endpoint == endpoint.Key)?.StorageRequests;
            var measured = $"mean {mean:F3}, at most {max} in {N(calls)} measured calls";
            Line(max <= 2 && (coldCount ?? 0) <= 2
                ? $"- Met: `{endpoint.Key}` ≤ 2 storage requests per call{History(endpoint.Key)} — {measured}" + (coldCount is { } c ? $"; {c} after the caches expired." : "; cache expiry not measured.")
                : max <= 2
                    ? $"- **Not met on every call**: `{endpoint.Key}` ≤ 2 storage requests{History(endpoint.Key)} — {measured}, but {coldCount} on the first call after the caches expired."
                    : $"- **Not met on every call**: `{endpoint.Key}` ≤ 2 storage requests{History(endpoint.Key)} — {measured}; {coldCount} on the first call after the caches expired.");
        }
        Line($"- {(load.Passed ? "Met" : "**Not met**")}: zero 5xx and zero lost or duplicated orders under the bounded load ({load.Clients} clients × {load.DurationSeconds} s).");
        var serverErrors = failures.ServerErrors;
        Line($"- 5xx answers anywhere in the run (reads, checkouts, load, counting): {serverErrors}.");
        Line();
    }

    /// <summary>The documents budget holds with the history the run seeded: say how much.</summary>
    private string History(string endpoint) =>
        endpoint.StartsWith("GET documents/", StringComparison.Ordinal) ? $" with {N(_documents.InvoiceIds.Length)} invoices in the counterparty's history" : "";

    private void Unexpected()
    {
        if (failures.Examples.Count == 0)
        {
            Line("No unexpected answer anywhere in the run.");
            return;
        }
        Line($"## Unexpected answers ({failures.Count} non-2xx, first {failures.Examples.Count} shown with other notes)");
        Line();
        Line("```");
        foreach (var example in failures.Examples)
        {
            Line(example);
        }
        Line("```");
    }

#if DEBUG
    private const string Configuration = "**Debug** (figures not representative; use -c Release)";
#else
    private const string Configuration = "Release";
#endif

    private void Line(string text = "") => _md.Append(text).Append('\n');

    private void Row(string name, string value) => Line($"| {name} | {value} |");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value switch
    {
        0 => "–",
        < 10 => value.ToString("F2", CultureInfo.InvariantCulture),
        < 100 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F0", CultureInfo.InvariantCulture),
    };

    private static string Quote(string arg) => arg.Any(char.IsWhiteSpace) ? $"'{arg}'" : arg;
}
