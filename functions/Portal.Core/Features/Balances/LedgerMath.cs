using System.Globalization;

namespace Portal.Core.Features.Balances;

/// <summary>What a ledger entry is: invoices and refunds are debits (the customer owes more), credit notes and payments credits.</summary>
public enum LedgerKind
{
    Invoice,
    CreditNote,
    Payment,
    Refund,
}

/// <summary>
/// What an entry says, as posted or as applied: its amount (never negative; a canceled document counts zero), its date,
/// when an invoice is due, and what a credit is allocated to (an invoice by id, an order by number).
/// </summary>
public sealed record LedgerTerms(LedgerKind Kind, string Number, DateOnly Date, DateOnly? DueDate, decimal Amount, string? InvoiceId, string? InvoiceNumber,
    string? OrderNumber, string? DocumentType, string? DocumentId)
{
    public bool IsDebit => Kind is LedgerKind.Invoice or LedgerKind.Refund;
    public decimal Debit => IsDebit ? Amount : 0m;
    public decimal Credit => IsDebit ? 0m : Amount;
}

/// <summary>An invoice as the balance knows it: its applied total and due date, its order, and the credits allocated to it.</summary>
public sealed class InvoiceState
{
    public decimal Total { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? OrderNumber { get; set; }
    /// <summary>Payments and credit notes allocated to this invoice (they may arrive before it).</summary>
    public decimal Credited { get; set; }

    public decimal Open => Math.Max(0m, Total - Credited);
    /// <summary>Paid or credited beyond the invoice: an advance.</summary>
    public decimal Excess => Math.Max(0m, Credited - Total);
}

/// <summary>An order's invoiced and paid (or credited) amounts.</summary>
public sealed class OrderTotals
{
    public decimal Invoiced { get; set; }
    public decimal Credited { get; set; }
    public decimal Due => Math.Max(0m, Invoiced - Credited);
    public decimal Advance => Math.Max(0m, Credited - Invoiced);
}

/// <summary>One calendar month's movements: the checkpoints a statement starts from.</summary>
public sealed record MonthTotals(string Month, decimal Debit, decimal Credit);

/// <summary>An amount open until a due date.</summary>
public sealed record DueAmount(DateOnly DueDate, decimal Amount);

/// <summary>
/// A counterparty's materialised balance: totals, open invoice amounts by due date (so overdue is computed from
/// today when read, not when written), the advance pool and the movements per month.
/// </summary>
public sealed class BalanceState
{
    public decimal TotalDebit { get; set; }
    public decimal TotalCredit { get; set; }
    /// <summary>Unallocated credits plus credits beyond their invoices, minus refunds. Negative means a refund exceeded the advances.</summary>
    public decimal AdvancePool { get; set; }
    public SortedDictionary<DateOnly, decimal> OpenByDue { get; } = new();
    public SortedDictionary<string, (decimal Debit, decimal Credit)> Months { get; } = new(StringComparer.Ordinal);

    public decimal Net => TotalDebit - TotalCredit;
    public decimal Advances => Math.Max(0m, AdvancePool);

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public void AddOpen(DateOnly due, decimal amount)
    {
        if (amount == 0m)
        {
            return;
        }
        var value = OpenByDue.GetValueOrDefault(due) + amount;
        if (value == 0m)
        {
            OpenByDue.Remove(due);
        }
        else
        {
            OpenByDue[due] = value;
        }
    }

    public void AddMovement(DateOnly date, decimal debit, decimal credit)
    {
        var month = MonthOf(date);
        var (d, c) = Months.GetValueOrDefault(month);
        (d, c) = (d + debit, c + credit);
        if (d == 0m && c == 0m)
        {
            Months.Remove(month);
        }
        else
        {
            Months[month] = (d, c);
        }
        TotalDebit += debit;
        TotalCredit += credit;
    }

    /// <summary>The net balance at the end of the month before <paramref name="month"/> (yyyy-MM).</summary>
    public decimal NetBefore(string month) =>
        Months.Where(m => string.CompareOrdinal(m.Key, month) < 0).Sum(m => m.Value.Debit - m.Value.Credit);
}

/// <summary>What a balance reads as on a given day.</summary>
public sealed record BalanceFigures(decimal DueTotal, decimal Overdue, decimal NotYetDue, decimal Advances, decimal Net, DateOnly? OldestOpenDue);

/// <summary>
/// The arithmetic of the ledger, pure and exact (decimal). Applying an entry means taking its previously applied
/// terms out and putting its new terms in, so a changed invoice total applies the delta, a canceled document counts
/// zero, and applying the same terms again changes nothing. The invariant that tests hold it to:
/// open amounts − advance pool = debits − credits.
/// </summary>
public static class LedgerMath
{
    /// <summary>
    /// Moves the balance from <paramref name="old"/> to <paramref name="now"/> terms of one entry. <paramref name="invoices"/>
    /// holds the invoices involved (the entry itself if it is one, the invoices its credit is allocated to), keyed by id;
    /// <paramref name="orders"/> the orders involved (<see cref="OrdersInvolved"/>), keyed by number.
    /// </summary>
    public static void Apply(BalanceState balance, string entryId, LedgerTerms? old, LedgerTerms? now,
        IDictionary<string, InvoiceState> invoices, IDictionary<string, OrderTotals> orders)
    {
        if (old is not null)
        {
            Effect(balance, entryId, old, -1, invoices, orders);
        }
        if (now is not null)
        {
            Effect(balance, entryId, now, +1, invoices, orders);
        }
    }

    /// <summary>
    /// The orders a change touches: an invoice's order before and after; for a credit allocated to an invoice, that invoice's
    /// order (an order's paid amount is what was paid on its invoices plus what was paid on the order itself).
    /// </summary>
    public static IReadOnlySet<string> OrdersInvolved(string entryId, LedgerTerms? old, LedgerTerms? now, IDictionary<string, InvoiceState> invoices)
    {
        var orders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var terms in new[] { old, now }.OfType<LedgerTerms>())
        {
            var order = terms.Kind switch
            {
                LedgerKind.Invoice => terms.OrderNumber,
                LedgerKind.Refund => null,
                _ when terms.InvoiceId is { } id => invoices.TryGetValue(id, out var invoice) ? invoice.OrderNumber : null,
                _ => terms.OrderNumber,
            };
            if (order is not null)
            {
                orders.Add(order);
            }
        }
        if (invoices.TryGetValue(entryId, out var own) && own.OrderNumber is { } ownOrder)
        {
            orders.Add(ownOrder);
        }
        return orders;
    }

    private static void Effect(BalanceState balance, string entryId, LedgerTerms terms, int sign,
        IDictionary<string, InvoiceState> invoices, IDictionary<string, OrderTotals> orders)
    {
        var amount = sign * terms.Amount;
        balance.AddMovement(terms.Date, sign * terms.Debit, sign * terms.Credit);
        switch (terms.Kind)
        {
            case LedgerKind.Invoice:
            {
                var invoice = Invoice(invoices, entryId);
                Contribute(balance, orders, invoice, -1);
                if (sign > 0)
                {
                    invoice.Total = terms.Amount;
                    invoice.DueDate = terms.DueDate ?? terms.Date;
                    invoice.OrderNumber = terms.OrderNumber;
                }
                else
                {
                    invoice.Total = 0m;
                    invoice.OrderNumber = null;
                }
                Contribute(balance, orders, invoice, +1);
                return;
            }
            case LedgerKind.Refund:
                balance.AdvancePool -= amount;
                return;
            default:
                if (terms.InvoiceId is { } invoiceId)
                {
                    var invoice = Invoice(invoices, invoiceId);
                    Contribute(balance, orders, invoice, -1);
                    invoice.Credited += amount;
                    Contribute(balance, orders, invoice, +1);
                }
                else
                {
                    balance.AdvancePool += amount;
                    if (terms.OrderNumber is { } order)
                    {
                        Order(orders, order).Credited += amount;
                    }
                }
                return;
        }
    }

    /// <summary>An invoice's share of the balance: its open amount at its due date, or its excess as an advance.</summary>
    private static void Contribute(BalanceState balance, IDictionary<string, OrderTotals> orders, InvoiceState invoice, int sign)
    {
        if (invoice.OrderNumber is { } order)
        {
            var totals = Order(orders, order);
            totals.Invoiced += sign * invoice.Total;
            totals.Credited += sign * invoice.Credited;
        }
        if (invoice.DueDate is { } due)
        {
            balance.AddOpen(due, sign * invoice.Open);
        }
        balance.AdvancePool += sign * (invoice.DueDate is null ? invoice.Credited : invoice.Excess);
    }

    private static InvoiceState Invoice(IDictionary<string, InvoiceState> invoices, string id) =>
        invoices.TryGetValue(id, out var invoice) ? invoice : invoices[id] = new InvoiceState();

    private static OrderTotals Order(IDictionary<string, OrderTotals> orders, string number) =>
        orders.TryGetValue(number, out var order) ? order : orders[number] = new OrderTotals();

    /// <summary>Due, overdue and not yet due on <paramref name="today"/>: an amount is overdue the day after its due date.</summary>
    public static BalanceFigures Figures(BalanceState balance, DateOnly today)
    {
        var overdue = balance.OpenByDue.Where(o => o.Key < today).Sum(o => o.Value);
        var notYetDue = balance.OpenByDue.Where(o => o.Key >= today).Sum(o => o.Value);
        // A refund beyond the advances is owed back at once: due now, not overdue.
        var refundedBeyond = Math.Max(0m, -balance.AdvancePool);
        return new BalanceFigures(overdue + notYetDue + refundedBeyond, overdue, notYetDue + refundedBeyond, balance.Advances, balance.Net,
            balance.OpenByDue.Count == 0 ? null : balance.OpenByDue.Keys.First());
    }

    /// <summary>The net balance at the end of each of the <paramref name="count"/> months up to and including <paramref name="lastMonth"/>.</summary>
    public static IReadOnlyList<(string Month, decimal Closing)> MonthEnds(BalanceState balance, DateOnly lastMonth, int count)
    {
        var first = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(-(count - 1));
        var running = balance.NetBefore(BalanceState.MonthOf(first));
        var result = new List<(string, decimal)>(count);
        for (var i = 0; i < count; i++)
        {
            var month = BalanceState.MonthOf(first.AddMonths(i));
            var (d, c) = balance.Months.GetValueOrDefault(month);
            running += d - c;
            result.Add((month, running));
        }
        return result;
    }
}
