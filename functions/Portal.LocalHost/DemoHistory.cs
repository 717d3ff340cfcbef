using Portal.Core.Features.Balances;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// A year of business before the demo's current orders, so date filters, the orders statement, the balance chart
/// and the statement of account have something to show. Each customer orders at its own rhythm (Northwind about
/// weekly, Contoso fortnightly, Fabrikam every three weeks), busier in spring and summer and quiet over the
/// year-end holidays; the goods ship one to four working days later, the invoice is issued at shipment and due in
/// 30 days, and is paid 15 to 45 days after it was issued (now and then later), so the most recent ones are open
/// and a few are overdue.
/// <para>
/// Stable from run to run: the plan comes from a fixed random seed and is laid out backwards from the seeding day,
/// so seeding on the same day gives the same history, and on another day the same history shifted to end there.
/// Everything goes through the real services with <see cref="DemoClock"/> set to the day it happened, so orders,
/// goods issues, invoices, payments and the ledger agree with each other exactly as real data would. The history's
/// invoice and payment numbers start at 0101 in each year, clear of the current demo documents (0001–0004).
/// </para>
/// </summary>
internal static class DemoHistory
{
    private const int Seed = 17_2026;

    private sealed record Customer(string Username, string CounterpartyId, double DaysBetweenOrders, (string Sku, int Typical)[] Products);

    private static readonly Customer[] Customers =
    [
        new("anna@northwind.example", "northwind", 7,
        [
            ("HT-HAM-01", 6), ("SF-HELM-02", 10), ("PT-DRILL-01", 2), ("FX-WS-02", 8), ("SF-GLOVE-01", 20), ("SF-GOGG-01", 10), ("HT-SCR-SET", 3),
            ("HT-PLIERS-01", 4), ("FX-ANCH-01", 12), ("SF-VEST-01", 15), ("PT-GRIND-01", 1), ("FX-CHEM-01", 6), ("EL-TAPE-01", 5), ("PL-PTFE-01", 10),
        ]),
        new("ben@contoso.example", "contoso", 14,
            [("EL-SOCK-01", 40), ("EL-SW-01", 40), ("EL-SOCK-02", 20), ("EL-LED-01", 8), ("EL-TEST-01", 2), ("EL-TAPE-01", 10), ("PT-SAW-02", 1)]),
        new("carla@fabrikam.example", "fabrikam", 21,
            [("FX-BOLT-01", 12), ("FX-CHEM-01", 6), ("FX-ANCH-01", 20), ("SF-HELM-02", 8), ("SF-VEST-01", 10), ("PL-VALVE-01", 25), ("PL-PTFE-01", 10)]),
    ];

    /// <summary>One past order: when it was placed, what, when it shipped and, if it has been paid by today, when.</summary>
    public sealed record PastOrder(string Username, string CounterpartyId, DateTimeOffset Placed, IReadOnlyList<(string Sku, decimal Quantity)> Lines,
        string Reference, DateOnly Shipped, DateOnly? Paid);

    /// <summary>The history as a plan: pure, so a test (or a reader) can see the rhythm without storage.</summary>
    public static IReadOnlyList<PastOrder> Plan(DateOnly today)
    {
        var random = new Random(Seed);
        var orders = new List<PastOrder>();
        foreach (var customer in Customers)
        {
            // The year ends two weeks before today: the current demo orders are the latest.
            var day = today.AddDays(-365 + random.Next(0, 6));
            while (day < today.AddDays(-14))
            {
                // Orders wait for Monday at a weekend; the year-end holidays have none.
                day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
                var quiet = day is { Month: 12, Day: >= 22 } or { Month: 1, Day: <= 3 };
                if (!quiet && day < today.AddDays(-14))
                {
                    var lines = customer.Products.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                        .Select(p => (p.Sku, Quantity: (decimal)Math.Max(1, (int)Math.Round(p.Typical * (0.5 + random.NextDouble())))))
                        .ToList();
                    var placed = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 9 * 60));
                    var shipped = WorkingDaysAfter(day, random.Next(1, 5));
                    // Most pay within 15–45 days; one invoice in eight is paid late, 50–75 days after.
                    var paidAfter = random.Next(8) == 0 ? random.Next(50, 76) : random.Next(15, 46);
                    var paid = shipped.AddDays(paidAfter);
                    orders.Add(new PastOrder(customer.Username, customer.CounterpartyId, placed, lines, $"PO-{random.Next(10000, 99999)}", shipped,
                        paid < today ? paid : null));
                }
                // Busier from March to September (building season), slower in winter.
                var season = 1 + 0.35 * Math.Sin(2 * Math.PI * (day.DayOfYear - 80) / 365.0);
                day = day.AddDays(Math.Max(1, (int)Math.Round(customer.DaysBetweenOrders / season * (0.6 + 0.8 * random.NextDouble()))));
            }
        }
        return orders.OrderBy(o => o.Placed).ToList();
    }

    private static DateOnly WorkingDaysAfter(DateOnly day, int days)
    {
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return day;
    }

    /// <summary>
    /// Places, ships, invoices and pays the plan's orders of the given customers, oldest first, so the order numbers
    /// rise with time. Customers that already have orders were seeded before and are left alone.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Caller> customers, CancellationToken cancellationToken)
    {
        var orders = services.GetRequiredService<OrderService>();
        var carts = services.GetRequiredService<CartService>();
        var checkouts = services.GetRequiredService<CheckoutService>();
        var documents = services.GetRequiredService<DocumentService>();
        var ledger = services.GetRequiredService<LedgerService>();
        var clerk = new Caller(CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var numbers = new Dictionary<(string Kind, int Year), int>();
        string Next(string kind, DateOnly date)
        {
            var n = numbers[(kind, date.Year)] = numbers.GetValueOrDefault((kind, date.Year), 100) + 1;
            return $"{kind}-{date.Year}-{n:D4}";
        }
        var shipments = new Dictionary<string, int>();

        foreach (var past in Plan(today))
        {
            if (!customers.TryGetValue(past.Username, out var caller))
            {
                continue;
            }
            var scope = clerk.ScopeFor(past.CounterpartyId);
            IReadOnlyList<string> placed;
            using (DemoClock.At(past.Placed))
            {
                var cart = await carts.ClearAsync(caller, null, cancellationToken);
                foreach (var (sku, quantity) in past.Lines)
                {
                    cart = await carts.AddLineAsync(caller, new AddCartLineRequest { Sku = sku, Quantity = quantity }, null, cancellationToken);
                }
                var (started, _) = await checkouts.StartAsync(caller, new CheckoutRequest { CustomerReference = past.Reference }, cart.Version, null, cancellationToken);
                await checkouts.ProcessAsync(new CheckoutWork(past.CounterpartyId, started.Id), cancellationToken);
                placed = (await checkouts.GetAsync(caller, started.Id, cancellationToken)).Orders.Select(o => o.Id).ToList();
            }
            // A checkout whose products sit in two warehouses made two orders: each ships, is invoiced and paid.
            foreach (var orderId in placed)
            {
                OrderView order;
                using (DemoClock.At(past.Placed.AddHours(2)))
                {
                    (order, _) = await orders.AcceptAsync(scope, orderId, clerk.Username, null, cancellationToken);
                }
                var shipmentNumber = $"GI-{past.CounterpartyId}-{1000 + (shipments[past.CounterpartyId] = shipments.GetValueOrDefault(past.CounterpartyId) + 1):D4}";
                var invoiceNumber = Next("INV", past.Shipped);
                var paymentNumber = past.Paid is { } paidOn ? Next("PAY", paidOn) : null;
                using (DemoClock.At(new DateTimeOffset(past.Shipped.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero)))
                {
                    await orders.RecordShipmentAsync(scope, orderId, new ShipmentRequest
                    {
                        Number = shipmentNumber,
                        Date = past.Shipped,
                        Lines = order.Lines.Select(l => new ShipmentLine(l.Sku, l.Ordered)).ToList(),
                    }, clerk.Username, null, cancellationToken);
                    await orders.CompleteAsync(scope, orderId, clerk.Username, null, cancellationToken);

                    var net = order.Total.Amount;
                    var total = decimal.Round(net * 1.2m, 2);
                    await documents.UpsertAsync(scope, DocumentTypes.Invoices, invoiceNumber, new DocumentRequest
                    {
                        Date = past.Shipped,
                        DueDate = past.Shipped.AddDays(30),
                        Status = paymentNumber is null ? DocumentStatus.Unpaid : DocumentStatus.Paid,
                        Lines = order.Lines.Select(l => new DocumentLineRequest { Sku = l.Sku, Name = l.Name, Unit = l.Unit, Quantity = l.Ordered, UnitPrice = l.UnitPrice.Amount })
                            .ToList(),
                        TaxTotal = total - net,
                        Total = total,
                        Related = [new() { Type = DocumentTypes.Orders, Number = order.Number }, new() { Type = DocumentTypes.GoodsIssues, Number = shipmentNumber }],
                    }, cancellationToken);
                }
                if (paymentNumber is not null)
                {
                    using (DemoClock.At(new DateTimeOffset(past.Paid!.Value.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)))
                    {
                        await ledger.PostPaymentAsync(scope, paymentNumber, new PaymentRequest
                        {
                            Date = past.Paid.Value, Amount = decimal.Round(order.Total.Amount * 1.2m, 2), InvoiceNumber = invoiceNumber, Notes = "Bank transfer",
                        }, clerk.Username, cancellationToken);
                    }
                }
            }
        }
    }
}
