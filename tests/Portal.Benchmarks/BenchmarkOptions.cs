using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>What to seed and how hard to measure, from the command line.</summary>
public sealed record BenchmarkOptions
{
    public static readonly BenchmarkOptions Defaults = new();

    /// <summary>A tiny run that only shows the benchmark works end to end (about a minute).</summary>
    public static readonly BenchmarkOptions Quick = new()
    {
        BalanceIterations = 100,
        BalancePayments = 5,
        Counterparties = 4,
        Products = 200,
        Orders = 400,
        Documents = 2_000,
        Iterations = 60,
        DocumentIterations = 60,
        Checkouts = 8,
        Rounds = 4,
        Levels = [1, 4],
        Clients = 6,
        Duration = 10,
        CacheExpiry = false,
    };

    public int Counterparties { get; init; } = 50;
    public int Products { get; init; } = 2000;
    public int Orders { get; init; } = 20_000;

    /// <summary>Invoices written into ONE counterparty's partition (the first benchmark buyer's): the documents budget's history.</summary>
    public int Documents { get; init; } = 100_000;

    /// <summary>Measured requests per endpoint and concurrency level, for the portal and for the raw floor each.</summary>
    public int Iterations { get; init; } = 5000;

    /// <summary>
    /// The same for the documents endpoints. Fewer, because Azurite answers a range query by scanning the whole table:
    /// with 100,000 invoices one list page costs it about 0.1 s of its single thread, portal and raw alike.
    /// </summary>
    public int DocumentIterations { get; init; } = 500;

    /// <summary>Measured checkouts per concurrency level.</summary>
    public int Checkouts { get; init; } = 100;

    /// <summary>Concurrent clients for the per-endpoint measurements.</summary>
    public int[] Levels { get; init; } = [1, 16];

    /// <summary>Load run: concurrent clients and seconds.</summary>
    public int Clients { get; init; } = 32;
    public int Duration { get; init; } = 60;

    /// <summary>Load run bound on requests per client, besides the time.</summary>
    public int MaxRequestsPerClient { get; init; } = 20_000;

    /// <summary>Measurement batches per endpoint and level, alternating portal and raw, so drift in machine load hits both alike.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Also measure the first call after the portal's caches expired (about two minutes of waiting).</summary>
    public bool CacheExpiry { get; init; } = true;

    /// <summary>Run only this phase ("balances") and write its section into the report file, keeping the other sections.</summary>
    public string? Only { get; init; }

    /// <summary>Balances phase: measured requests per endpoint and history size, and payments timed through the queue worker.</summary>
    public int BalanceIterations { get; init; } = 1000;
    public int BalancePayments { get; init; } = 50;

    /// <summary>Orders desk phase: measured requests per endpoint and spread, and the orders spread over few and many counterparties.</summary>
    public int DeskIterations { get; init; } = 300;
    public int DeskOrders { get; init; } = 2000;

    public int Seed { get; init; } = 20260101;
    public bool IsQuick { get; init; }
    public string? Out { get; init; }
    public string[] Arguments { get; init; } = [];

    /// <summary>The most sessions any phase uses at once; each gets a buyer of its own.</summary>
    public int Buyers => Math.Max(Counterparties, Math.Max(Clients, Levels.Max()));

    public int WarmUp => WarmUpFor(Iterations);

    public static int WarmUpFor(int iterations) => Math.Max(20, iterations / 10);

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = args.Contains("--quick") ? Quick with { IsQuick = true } : Defaults;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }
            if (name == "--no-cache-expiry")
            {
                options = options with { CacheExpiry = false };
                continue;
            }
            if (name is "-h" or "--help")
            {
                throw new UsageException(null);
            }
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"{name} needs a value.");
            }
            var value = args[++i];
            options = name switch
            {
                "--counterparties" => options with { Counterparties = Positive(name, value) },
                "--products" => options with { Products = Positive(name, value) },
                "--orders" => options with { Orders = Positive(name, value, allowZero: true) },
                "--documents" => options with { Documents = Positive(name, value, allowZero: true) },
                "--iterations" => options with { Iterations = Positive(name, value) },
                "--document-iterations" => options with { DocumentIterations = Positive(name, value) },
                "--checkouts" => options with { Checkouts = Positive(name, value) },
                "--levels" => options with { Levels = value.Split(',').Select(v => Positive(name, v.Trim())).Distinct().Order().ToArray() },
                "--clients" => options with { Clients = Positive(name, value) },
                "--duration" => options with { Duration = Positive(name, value) },
                "--max-requests-per-client" => options with { MaxRequestsPerClient = Positive(name, value) },
                "--rounds" => options with { Rounds = Positive(name, value) },
                "--seed" => options with { Seed = Positive(name, value, allowZero: true) },
                "--out" => options with { Out = value },
                "--only" => value is BalancesBenchmark.SectionName or OrdersDeskBenchmark.SectionName ? options with { Only = value }
                    : throw new UsageException("--only takes: balances, orders-desk."),
                "--desk-iterations" => options with { DeskIterations = Positive(name, value) },
                "--desk-orders" => options with { DeskOrders = Positive(name, value) },
                "--balance-iterations" => options with { BalanceIterations = Positive(name, value) },
                "--balance-payments" => options with { BalancePayments = Positive(name, value) },
                _ => throw new UsageException($"Unknown option {name}."),
            };
        }
        if (options.Orders < options.Counterparties)
        {
            throw new UsageException("--orders must be at least --counterparties: every counterparty needs an order to read.");
        }
        if (options.Products < 10)
        {
            throw new UsageException("--products must be at least 10.");
        }
        return options with { Arguments = args };
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Portal.Benchmarks -- [options]

          --counterparties N   counterparties to seed, one buyer each (default 50)
          --products N         products to import (default 2000)
          --orders N           order history to write, spread over the counterparties and one year (default 20000)
          --documents N        invoices to write into the first buyer's counterparty, over five years (default 100000; 0 skips
                               the documents endpoints)
          --iterations N       measured requests per endpoint and client count, portal and raw floor each (default 5000)
          --document-iterations N   the same for the documents endpoints (default 500: each list page is a table scan in Azurite)
          --checkouts N        measured checkouts per client count (default 100)
          --levels 1,16        client counts for the per-endpoint measurements (default 1,16)
          --clients N          load run: concurrent clients (default 32)
          --duration S         load run: seconds (default 60)
          --max-requests-per-client N   load run: bound on requests per client (default 20000)
          --rounds N           alternating portal/raw batches per measurement (default 10)
          --no-cache-expiry    skip the first-call-after-cache-expiry measurement (32 s of waiting per endpoint)
          --seed N             random seed for the generated data and choices
          --quick              a tiny smoke run (4 counterparties, 200 products, 400 orders, 2000 invoices, 10 s load, no cache expiry)
          --out FILE           also write the report to FILE (e.g. docs/benchmarks.md); a full run keeps the balances and orders-desk sections
          --only balances      run only the balances phase (100 vs 100,000 ledger entries, queue latency) and write its
                               section into the --out file, leaving the other sections as they are (about 3 minutes)
          --balance-iterations N   balances phase: measured requests per endpoint and history size (default 1000)
          --balance-payments N     balances phase: payments timed from posting to the updated balance (default 50)
          --only orders-desk   run only the orders desk phase (the same orders over 10 and over 1,000 counterparties) and
                               write its section into the --out file (about 2 minutes)
          --desk-iterations N  orders desk phase: measured requests per endpoint and spread (default 300)
          --desk-orders N      orders desk phase: orders seeded for each spread (default 2000)
        """;

    private static int Positive(string name, string value, bool allowZero = false) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new UsageException($"{name} needs a whole number{(allowZero ? "" : " above zero")}, not '{value}'.");
}

public sealed class UsageException(string? message) : Exception(message ?? "");
