using System.Text.Json.Serialization;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Balances;

/// <summary>What a payment or a refund is, as the ERP or a clerk posts it.</summary>
public enum PaymentKind
{
    Payment,
    Refund,
}

/// <summary>
/// A payment received (or a refund paid back) under the company's number; the number is in the route. Allocated to an
/// invoice or an order, or to nothing (an advance). The same body twice counts once.
/// </summary>
public sealed class PaymentRequest : IValidatable
{
    public const decimal MaxAmount = 1_000_000_000m;

    [JsonRequired] public DateOnly Date { get; set; }
    [JsonRequired] public decimal Amount { get; set; }
    public PaymentKind? Kind { get; set; }
    /// <summary>The invoice it pays (the company's invoice number).</summary>
    public string? InvoiceNumber { get; set; }
    /// <summary>The order it pays (SO-000123), e.g. a prepayment.</summary>
    public string? OrderNumber { get; set; }
    public string? Notes { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Amount is < 0 or > MaxAmount)
        {
            errors.Add("amount", "Enter an amount from 0 (0 voids a payment recorded by mistake).");
        }
        else if (decimal.Round(Amount, 2) != Amount)
        {
            errors.Add("amount", "Use at most two decimals.");
        }
        if (Date.Year is < 2000 or > 2100)
        {
            errors.Add("date", "Enter a date between 2000 and 2100.");
        }
        if (InvoiceNumber is not null && !LedgerNumbers.IsValid(InvoiceNumber))
        {
            errors.Add("invoiceNumber", "Use 1–50 letters, digits, '-', '_' or '.'.");
        }
        if (OrderNumber is not null && !LedgerNumbers.IsValid(OrderNumber))
        {
            errors.Add("orderNumber", "Use 1–50 letters, digits, '-', '_' or '.'.");
        }
        if (Kind == PaymentKind.Refund && (InvoiceNumber is not null || OrderNumber is not null))
        {
            errors.Add("kind", "A refund pays back advances; it is not allocated to an invoice or an order.");
        }
        errors.Optional("notes", Notes, 500);
    }
}

public static class LedgerNumbers
{
    /// <summary>Numbers become parts of keys: letters, digits and - _ . only.</summary>
    public static bool IsValid(string? number) =>
        !string.IsNullOrWhiteSpace(number) && number.Length <= 50 && number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !number.StartsWith('.');
}

public sealed record PaymentView(string Id, string Number, PaymentKind Kind, DateOnly Date, Money Amount, string? InvoiceNumber, string? OrderNumber, string? Notes);

public sealed record BalanceMonthView(string Month, Money Closing);

public sealed record DueAmountView(DateOnly DueDate, Money Amount, bool Overdue);

/// <summary>Reports → Customer balance: what is due (overdue and not yet), the advances, the net position and its last 12 months.</summary>
public sealed record CustomerBalanceView(DateOnly AsOf, Money DueTotal, Money Overdue, Money NotYetDue, Money Advances, Money Net, DateOnly? OldestOpenDue,
    IReadOnlyList<DueAmountView> OpenByDue, IReadOnlyList<BalanceMonthView> Months, DateTimeOffset? UpdatedAt);

/// <summary>Reports → Customer balance (by orders): one order's invoiced and paid amounts, what is still due, what was paid ahead.</summary>
public sealed record OrderBalanceView(string OrderNumber, Money Invoiced, Money Paid, Money Due, Money Advance);

/// <summary>A balance as receivables (the customer owes) and payables (the company owes: advances), and the net of the two.</summary>
public sealed record StatementSideView(Money Receivable, Money Payable, Money Net);

public sealed record StatementLineView(string EntryId, LedgerKind Kind, string Number, DateOnly Date, DateOnly? DueDate, Money Debit, Money Credit, Money Balance,
    string? DocumentType, string? DocumentId, string? InvoiceNumber, string? OrderNumber);

/// <summary>Reports → Statement of account for a period: opening balance, each movement with the running balance, closing balance.</summary>
public sealed record StatementView(DateOnly From, DateOnly To, StatementSideView Opening, IReadOnlyList<StatementLineView> Lines, Money TotalDebit, Money TotalCredit,
    StatementSideView Closing);

/// <summary>A counterparty's line in the staff overview.</summary>
public sealed record CounterpartyBalanceView(string CounterpartyId, string Name, Money DueTotal, Money Overdue, Money NotYetDue, Money Advances, Money Net,
    DateOnly? OldestOpenDue, DateTimeOffset UpdatedAt);

/// <summary>The queue message: apply this entry's posted terms to the counterparty's balance.</summary>
public sealed record LedgerWork(string CounterpartyId, string EntryId);
