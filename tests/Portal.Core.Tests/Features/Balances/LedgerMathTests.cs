using Portal.Core.Features.Balances;

namespace Portal.Core.Tests.Features.Balances;

/// <summary>The ledger's arithmetic: exact decimal sums, deltas when a document changes, allocations and advances.</summary>
public sealed class LedgerMathTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private sealed class Ledger
    {
        public BalanceState Balance { get; } = new();
        public Dictionary<string, InvoiceState> Invoices { get; } = new();
        public Dictionary<string, OrderTotals> Orders { get; } = new();
        private readonly Dictionary<string, LedgerTerms> _applied = new();

        public void Post(string id, LedgerTerms? terms)
        {
            var old = _applied.GetValueOrDefault(id);
            var involved = LedgerMath.OrdersInvolved(id, old, terms, Invoices);
            var orders = involved.ToDictionary(o => o, o => Orders.TryGetValue(o, out var t) ? t : new OrderTotals());
            LedgerMath.Apply(Balance, id, old, terms, Invoices, orders);
            Assert.Equal(involved.Order(), orders.Keys.Order()); // the worker reads exactly these rows
            foreach (var (number, totals) in orders)
            {
                Orders[number] = totals;
            }
            if (terms is null)
            {
                _applied.Remove(id);
            }
            else
            {
                _applied[id] = terms;
            }
        }

        public BalanceFigures Figures => LedgerMath.Figures(Balance, Today);

        /// <summary>What is open minus what is paid ahead is always debits minus credits.</summary>
        public void AssertConsistent() =>
            Assert.Equal(Balance.TotalDebit - Balance.TotalCredit, Balance.OpenByDue.Values.Sum() - Balance.AdvancePool);
    }

    private static LedgerTerms Invoice(string number, decimal amount, DateOnly due, string? order = null, DateOnly? date = null) =>
        new(LedgerKind.Invoice, number, date ?? due.AddDays(-30), due, amount, null, null, order, "invoices", "inv-" + number);

    private static LedgerTerms Payment(string number, decimal amount, string? invoice = null, string? order = null, DateOnly? date = null) =>
        new(LedgerKind.Payment, number, date ?? Today, null, amount, invoice is null ? null : "inv-" + invoice, invoice, order, null, null);

    private static LedgerTerms CreditNote(string number, decimal amount, string? invoice = null) =>
        new(LedgerKind.CreditNote, number, Today, null, amount, invoice is null ? null : "inv-" + invoice, invoice, null, "credit-notes", "cn-" + number);

    [Fact]
    public void An_unpaid_invoice_past_its_due_date_is_overdue_and_one_due_later_is_not()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 100.10m, Today.AddDays(-1)));
        ledger.Post("inv-2", Invoice("2", 200.20m, Today));

        var figures = ledger.Figures;
        Assert.Equal(300.30m, figures.DueTotal);
        Assert.Equal(100.10m, figures.Overdue);
        Assert.Equal(200.20m, figures.NotYetDue);
        Assert.Equal(0m, figures.Advances);
        Assert.Equal(300.30m, figures.Net);
        Assert.Equal(Today.AddDays(-1), figures.OldestOpenDue);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_thousand_payments_of_one_cent_and_a_third_sum_exactly()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 333.33m, Today.AddDays(10)));
        for (var i = 0; i < 1000; i++)
        {
            ledger.Post("p" + i, Payment("P" + i, 0.33m, invoice: "1"));
        }
        // 1000 × 0.33 = 330.00 exactly; a double would drift.
        Assert.Equal(3.33m, ledger.Figures.DueTotal);
        Assert.Equal(3.33m, ledger.Figures.Net);
        for (var i = 0; i < 11; i++)
        {
            ledger.Post("q" + i, Payment("Q" + i, 0.33m, invoice: "1"));
        }
        // 3.63 paid on 3.33 open: the invoice is settled and 0.30 is an advance.
        Assert.Equal(0m, ledger.Figures.DueTotal);
        Assert.Equal(0.30m, ledger.Figures.Advances);
        Assert.Equal(-0.30m, ledger.Figures.Net);
        ledger.AssertConsistent();
    }

    [Fact]
    public void An_unallocated_payment_is_an_advance_and_leaves_the_invoices_due()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 1000m, Today.AddDays(-5)));
        ledger.Post("p1", Payment("P1", 250.5m));

        Assert.Equal(1000m, ledger.Figures.DueTotal);
        Assert.Equal(1000m, ledger.Figures.Overdue);
        Assert.Equal(250.5m, ledger.Figures.Advances);
        Assert.Equal(749.5m, ledger.Figures.Net);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_credit_note_larger_than_its_invoice_settles_it_and_the_rest_is_an_advance()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 99.99m, Today.AddDays(-3)));
        ledger.Post("cn-1", CreditNote("1", 150.01m, invoice: "1"));

        Assert.Equal(0m, ledger.Figures.DueTotal);
        Assert.Equal(50.02m, ledger.Figures.Advances);
        Assert.Equal(-50.02m, ledger.Figures.Net);
        Assert.Empty(ledger.Balance.OpenByDue);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_changed_invoice_total_applies_only_the_difference_and_a_canceled_one_counts_zero()
    {
        var ledger = new Ledger();
        var due = Today.AddDays(5);
        ledger.Post("inv-1", Invoice("1", 100m, due, order: "SO-1"));
        ledger.Post("p1", Payment("P1", 40m, invoice: "1"));
        ledger.Post("inv-1", Invoice("1", 120.45m, due, order: "SO-1"));

        Assert.Equal(80.45m, ledger.Figures.DueTotal);
        Assert.Equal(120.45m, ledger.Balance.TotalDebit);
        Assert.Equal(120.45m, ledger.Orders["SO-1"].Invoiced);
        Assert.Equal(40m, ledger.Orders["SO-1"].Credited);
        Assert.Equal(80.45m, ledger.Orders["SO-1"].Due);

        ledger.Post("inv-1", Invoice("1", 0m, due, order: "SO-1"));
        Assert.Equal(0m, ledger.Figures.DueTotal);
        Assert.Equal(40m, ledger.Figures.Advances); // what was paid on a canceled invoice is the customer's
        Assert.Equal(40m, ledger.Orders["SO-1"].Advance);
        ledger.AssertConsistent();
    }

    [Fact]
    public void Applying_the_same_terms_twice_is_the_same_as_once()
    {
        var once = new Ledger();
        var twice = new Ledger();
        var terms = Invoice("1", 10.01m, Today);
        once.Post("inv-1", terms);
        twice.Post("inv-1", terms);
        twice.Post("inv-1", terms);

        Assert.Equal(once.Figures, twice.Figures);
        Assert.Equal(once.Balance.Months, twice.Balance.Months);
    }

    [Fact]
    public void A_payment_for_an_invoice_not_yet_posted_is_an_advance_until_the_invoice_arrives()
    {
        var ledger = new Ledger();
        ledger.Post("p1", Payment("P1", 60m, invoice: "7"));
        Assert.Equal(60m, ledger.Figures.Advances);
        Assert.Equal(0m, ledger.Figures.DueTotal);

        ledger.Post("inv-7", Invoice("7", 100m, Today.AddDays(-1)));
        Assert.Equal(0m, ledger.Figures.Advances);
        Assert.Equal(40m, ledger.Figures.Overdue);
        ledger.AssertConsistent();
    }

    [Fact]
    public void Moving_a_payment_to_another_invoice_takes_it_off_the_first()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 100m, Today.AddDays(-1)));
        ledger.Post("inv-2", Invoice("2", 100m, Today.AddDays(10)));
        ledger.Post("p1", Payment("P1", 100m, invoice: "1"));
        Assert.Equal(0m, ledger.Figures.Overdue);

        ledger.Post("p1", Payment("P1", 100m, invoice: "2"));
        Assert.Equal(100m, ledger.Figures.Overdue);
        Assert.Equal(0m, ledger.Figures.NotYetDue);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_refund_pays_back_advances_and_a_refund_beyond_them_is_due()
    {
        var ledger = new Ledger();
        ledger.Post("p1", Payment("P1", 500m));
        ledger.Post("r1", new LedgerTerms(LedgerKind.Refund, "R1", Today, null, 300m, null, null, null, null, null));
        Assert.Equal(200m, ledger.Figures.Advances);
        Assert.Equal(-200m, ledger.Figures.Net);

        ledger.Post("r2", new LedgerTerms(LedgerKind.Refund, "R2", Today, null, 250m, null, null, null, null, null));
        Assert.Equal(0m, ledger.Figures.Advances);
        Assert.Equal(50m, ledger.Figures.DueTotal);
        Assert.Equal(50m, ledger.Figures.Net);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_payment_for_an_order_counts_against_that_order_and_is_an_advance_until_invoiced()
    {
        var ledger = new Ledger();
        ledger.Post("p1", Payment("P1", 70m, order: "SO-9"));
        Assert.Equal(70m, ledger.Orders["SO-9"].Advance);
        ledger.Post("inv-1", Invoice("1", 100m, Today.AddDays(3), order: "SO-9"));

        Assert.Equal(30m, ledger.Orders["SO-9"].Due);
        Assert.Equal(0m, ledger.Orders["SO-9"].Advance);
        Assert.Equal(30m, ledger.Figures.Net);
        ledger.AssertConsistent();
    }

    [Fact]
    public void A_payment_for_an_invoice_counts_against_the_invoices_order_whichever_arrives_first()
    {
        var paidFirst = new Ledger();
        paidFirst.Post("p1", Payment("P1", 25m, invoice: "1"));
        paidFirst.Post("inv-1", Invoice("1", 100m, Today, order: "SO-1"));
        var invoicedFirst = new Ledger();
        invoicedFirst.Post("inv-1", Invoice("1", 100m, Today, order: "SO-1"));
        invoicedFirst.Post("p1", Payment("P1", 25m, invoice: "1"));

        Assert.Equal((100m, 25m), (paidFirst.Orders["SO-1"].Invoiced, paidFirst.Orders["SO-1"].Credited));
        Assert.Equal((100m, 25m), (invoicedFirst.Orders["SO-1"].Invoiced, invoicedFirst.Orders["SO-1"].Credited));

        // The invoice moves to another order: what was paid on it moves with it.
        paidFirst.Post("inv-1", Invoice("1", 100m, Today, order: "SO-2"));
        Assert.Equal((0m, 0m), (paidFirst.Orders["SO-1"].Invoiced, paidFirst.Orders["SO-1"].Credited));
        Assert.Equal(75m, paidFirst.Orders["SO-2"].Due);
    }

    [Fact]
    public void Month_ends_and_back_dated_entries_change_the_month_they_belong_to()
    {
        var ledger = new Ledger();
        ledger.Post("inv-1", Invoice("1", 100m, new DateOnly(2026, 10, 30), date: new DateOnly(2026, 9, 30)));
        ledger.Post("p1", Payment("P1", 40m, invoice: "1", date: new DateOnly(2026, 11, 2)));
        ledger.Post("inv-0", Invoice("0", 5.55m, new DateOnly(2025, 1, 31), date: new DateOnly(2025, 1, 1)));

        var ends = LedgerMath.MonthEnds(ledger.Balance, Today, 12);
        Assert.Equal(12, ends.Count);
        Assert.Equal(("2025-12", 5.55m), ends[0]);
        Assert.Equal(("2026-09", 105.55m), ends[9]);
        Assert.Equal(("2026-11", 65.55m), ends[11]);
        Assert.Equal(105.55m, ledger.Balance.NetBefore("2026-11"));
        Assert.Equal(0m, ledger.Balance.NetBefore("2025-01"));
    }

    [Fact]
    public void Random_postings_changes_and_cancellations_keep_the_books_consistent()
    {
        var random = new Random(12);
        var ledger = new Ledger();
        for (var i = 0; i < 2000; i++)
        {
            var n = random.Next(40).ToString();
            var amount = random.Next(0, 100_000) / 100m;
            var due = Today.AddDays(random.Next(-60, 60));
            switch (random.Next(3))
            {
                case 0:
                    ledger.Post("inv-" + n, Invoice(n, amount, due, order: "SO-" + random.Next(5)));
                    break;
                case 1:
                    ledger.Post("p" + n, Payment(n, amount, invoice: random.Next(2) == 0 ? random.Next(40).ToString() : null, order: random.Next(4) == 0 ? "SO-1" : null));
                    break;
                default:
                    ledger.Post("cn-" + n, CreditNote(n, amount, invoice: random.Next(40).ToString()));
                    break;
            }
            ledger.AssertConsistent();
        }
        Assert.Equal(ledger.Balance.Months.Values.Sum(m => m.Debit - m.Credit), ledger.Figures.Net);
    }
}
