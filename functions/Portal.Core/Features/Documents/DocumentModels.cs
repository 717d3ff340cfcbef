using System.Text.Json.Serialization;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Documents;

/// <summary>
/// The seven documents from supplier, named as in the routes and blob names (<c>documents/{type}</c>,
/// <c>{counterpartyId}/{type}/{number}.{ext}</c>), with the statuses each may have.
/// </summary>
public static class DocumentTypes
{
    public const string Quotations = "quotations";
    public const string Invoices = "invoices";
    public const string TaxInvoices = "tax-invoices";
    public const string GoodsIssues = "goods-issues";
    public const string GoodsReturns = "goods-returns";
    public const string CreditNotes = "credit-notes";
    public const string ReconciliationStatements = "reconciliation-statements";

    /// <summary>Related things that are not documents from supplier but can be named on one.</summary>
    public const string Orders = "orders";
    public const string RmaRequests = "rma-requests";

    public static readonly IReadOnlyList<string> All = [Quotations, Invoices, TaxInvoices, GoodsIssues, GoodsReturns, CreditNotes, ReconciliationStatements];

    /// <summary>The route constraint that admits exactly these types.</summary>
    public const string RoutePattern = "regex(^(quotations|invoices|tax-invoices|goods-issues|goods-returns|credit-notes|reconciliation-statements)$)";

    private static readonly Dictionary<string, DocumentStatus[]> Statuses = new()
    {
        [Quotations] = [DocumentStatus.Issued, DocumentStatus.Canceled],
        [Invoices] = [DocumentStatus.Unpaid, DocumentStatus.PartiallyPaid, DocumentStatus.Paid, DocumentStatus.Canceled],
        [TaxInvoices] = [DocumentStatus.Issued, DocumentStatus.Canceled],
        [GoodsIssues] = [DocumentStatus.Issued, DocumentStatus.Delivered, DocumentStatus.Canceled],
        [GoodsReturns] = [DocumentStatus.Received, DocumentStatus.Canceled],
        [CreditNotes] = [DocumentStatus.Issued, DocumentStatus.Refunded, DocumentStatus.Canceled],
        [ReconciliationStatements] = [DocumentStatus.Issued, DocumentStatus.Confirmed, DocumentStatus.Disputed],
    };

    public static bool IsKnown(string? type) => type is not null && Statuses.ContainsKey(type);

    /// <summary>The statuses a type may have; the first is what a new document of that type starts with.</summary>
    public static IReadOnlyList<DocumentStatus> StatusesOf(string type) => Statuses[type];

    /// <summary>The types a document may name as related: the other documents, orders and RMA requests.</summary>
    public static bool CanRelateTo(string type) => IsKnown(type) || type is Orders or RmaRequests;
}

public enum DocumentStatus
{
    Issued,
    Unpaid,
    PartiallyPaid,
    Paid,
    Canceled,
    Delivered,
    Received,
    Refunded,
    Confirmed,
    Disputed,
}

/// <summary>
/// Pure rules of documents: when an invoice is overdue, when a quotation has expired. "Today" is the caller's, so
/// the same document reads the same in a test as on any day.
/// </summary>
public static class DocumentRules
{
    public static bool IsOverdue(string type, DocumentStatus status, DateOnly? dueDate, DateOnly today) =>
        type == DocumentTypes.Invoices && status is DocumentStatus.Unpaid or DocumentStatus.PartiallyPaid && dueDate is { } due && due < today;

    public static bool IsExpired(string type, DateOnly? validUntil, DateOnly today) =>
        type == DocumentTypes.Quotations && validUntil is { } until && until < today;

    /// <summary>A quotation can be ordered from while it is issued and valid.</summary>
    public static bool IsOrderable(string type, DocumentStatus status, DateOnly? validUntil, DateOnly today) =>
        type == DocumentTypes.Quotations && status == DocumentStatus.Issued && !IsExpired(type, validUntil, today);
}

// Requests (company side).

/// <summary>A document as the ERP or a clerk sends it; its number is in the route. The same body twice changes nothing.</summary>
public sealed class DocumentRequest : IValidatable
{
    public const int MaxLines = 5_000;
    public const int MaxRelated = 20;

    [JsonRequired] public DateOnly Date { get; set; }
    public DocumentStatus? Status { get; set; }
    /// <summary>Invoices: when payment is due.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>Quotations: the last day it can be ordered from.</summary>
    public DateOnly? ValidUntil { get; set; }
    /// <summary>Reconciliation statements: the period they reconcile.</summary>
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public List<DocumentLineRequest> Lines { get; set; } = [];
    /// <summary>The document's total; when omitted, the sum of the line totals.</summary>
    public decimal? Total { get; set; }
    public decimal? TaxTotal { get; set; }
    public List<RelatedDocumentRequest> Related { get; set; } = [];
    public string? Notes { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (ValidUntil is { } until && until < Date)
        {
            errors.Add("validUntil", "It cannot expire before its date.");
        }
        if (DueDate is { } due && due < Date)
        {
            errors.Add("dueDate", "It cannot be due before its date.");
        }
        if (PeriodFrom is { } from && PeriodTo is { } to && to < from)
        {
            errors.Add("periodTo", "The period ends before it starts.");
        }
        if (Lines is null || Lines.Count > MaxLines)
        {
            errors.Add("lines", $"Give at most {MaxLines} lines.");
        }
        else
        {
            for (var i = 0; i < Lines.Count; i++)
            {
                Lines[i]?.Validate(errors, $"lines[{i}]");
                if (Lines[i] is null)
                {
                    errors.Add($"lines[{i}]", "Give the line.");
                }
            }
        }
        if (Related is null || Related.Count > MaxRelated)
        {
            errors.Add("related", $"Name at most {MaxRelated} related documents.");
        }
        else
        {
            for (var i = 0; i < Related.Count; i++)
            {
                if (Related[i] is not { } related || !DocumentTypes.CanRelateTo(related.Type))
                {
                    errors.Add($"related[{i}].type", "Use a document type, orders or rma-requests.");
                }
                else
                {
                    errors.Required($"related[{i}].number", related.Number, 50);
                }
            }
        }
        if (Total is < 0 or > 1_000_000_000m)
        {
            errors.Add("total", "Enter an amount from 0.");
        }
        if (TaxTotal is < 0 or > 1_000_000_000m)
        {
            errors.Add("taxTotal", "Enter an amount from 0.");
        }
        errors.Optional("notes", Notes, 2000, multiline: true);
    }
}

public sealed class DocumentLineRequest
{
    public string? Sku { get; set; }
    [JsonRequired] public string Name { get; set; } = "";
    public string? Unit { get; set; }
    [JsonRequired] public decimal Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    /// <summary>When omitted, unit price × quantity.</summary>
    public decimal? LineTotal { get; set; }

    public void Validate(ValidationErrors errors, string field)
    {
        errors.Optional(field + ".sku", Sku, 64);
        errors.Required(field + ".name", Name, 200);
        errors.Optional(field + ".unit", Unit, 20);
        if (Quantity is < -1_000_000m or > 1_000_000m)
        {
            errors.Add(field + ".quantity", "Enter a quantity up to 1,000,000.");
        }
        if (UnitPrice is < 0 or > 100_000_000m)
        {
            errors.Add(field + ".unitPrice", "Enter a price from 0.");
        }
    }
}

public sealed class RelatedDocumentRequest
{
    /// <summary>A document type, <c>orders</c> or <c>rma-requests</c>.</summary>
    [JsonRequired] public string Type { get; set; } = "";
    [JsonRequired] public string Number { get; set; } = "";
}

/// <summary>One line of a document import: which counterparty, which type and number, and the document.</summary>
public sealed class DocumentImport : IValidatable
{
    [JsonRequired] public string CounterpartyId { get; set; } = "";
    [JsonRequired] public string Type { get; set; } = "";
    [JsonRequired] public string Number { get; set; } = "";
    [JsonRequired] public DocumentRequest Document { get; set; } = new();

    public void Validate(ValidationErrors errors)
    {
        errors.Required("counterpartyId", CounterpartyId, 64);
        if (!DocumentTypes.IsKnown(Type))
        {
            errors.Add("type", "Use one of: " + string.Join(", ", DocumentTypes.All) + ".");
        }
        DocumentNumbers.Validate(errors, "number", Number);
        if (Document is null)
        {
            errors.Add("document", "Give the document.");
            return;
        }
        Document.Validate(errors);
    }
}

public static class DocumentNumbers
{
    /// <summary>A document number is also part of a blob name: letters, digits and - _ . only.</summary>
    public static void Validate(ValidationErrors errors, string field, string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 50 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ||
            number.StartsWith('.'))
        {
            errors.Add(field, "Use 1–50 letters, digits, '-', '_' or '.'.");
        }
    }
}

// Views.

public sealed record RelatedDocumentView(string Type, string Number, string? Id);

public sealed record DocumentFileView(string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record DocumentSummaryView(string Id, string Type, string Number, DateOnly Date, DocumentStatus Status, DateOnly? DueDate, bool Overdue,
    DateOnly? ValidUntil, bool Expired, Money Total, int LineCount, IReadOnlyList<RelatedDocumentView> Related);

public sealed record DocumentLineView(string? Sku, string Name, string? Unit, decimal Quantity, Money? UnitPrice, Money LineTotal);

public sealed record DocumentView(string Id, string Type, string Number, DateOnly Date, DocumentStatus Status, DateOnly? DueDate, bool Overdue,
    DateOnly? ValidUntil, bool Expired, bool Orderable, DateOnly? PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<DocumentLineView> Lines, Money Total,
    Money? TaxTotal, string? Notes, IReadOnlyList<RelatedDocumentView> Related, IReadOnlyList<RelatedDocumentView> ReferencedBy, DocumentFileView? File,
    ReconciliationResponseView? Response);

/// <summary>The customer's answer to a reconciliation statement.</summary>
public sealed record ReconciliationResponseView(DocumentStatus Status, string? Comment, DateTimeOffset At, string By);

/// <summary>A disputed reconciliation statement, as staff see it.</summary>
public sealed record ReconciliationDisputeView(string CounterpartyId, string CounterpartyName, string DocumentId, string Number, DateOnly? PeriodFrom,
    DateOnly? PeriodTo, string Comment, string By, DateTimeOffset At);

/// <summary>The customer disagrees with a reconciliation statement and says why.</summary>
public sealed class DisputeRequest : IValidatable
{
    [JsonRequired] public string Comment { get; set; } = "";

    public void Validate(ValidationErrors errors) => errors.Required("comment", Comment, 2000, multiline: true);
}

public sealed record MaterialView(string Id, string Title, string? Description, string FileName, string ContentType, long Size, DateTimeOffset UpdatedAt);

public sealed record RejectedFileView(string Container, string BlobName, string Reason, long Size, DateTimeOffset At);
