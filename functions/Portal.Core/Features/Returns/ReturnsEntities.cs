using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Returns;

// Everything a counterparty asks to return lives in ONE partition of the Returns table (PartitionKey = counterparty
// id): RMA requests with their list rows and number rows, one claims row per invoice, idempotency keys and outbox
// rows. Sending a request replaces the invoice's claims row and the request row (both ETag-guarded) and adds the
// outbox event in one entity-group transaction, which is what keeps the returnable quantity exact under concurrency
// without a lock. ReturnsStore is the only code that reads or writes these rows.

public static class ReturnsTables
{
    public const string Returns = "Returns";
}

public static class ReturnsKeys
{
    public static string Rma(string rmaId) => "rma:" + rmaId;
    public static string RmaNumber(string number) => "rnum:" + number;
    public static string Claims(string invoiceId) => "claims:" + invoiceId;
    public const string ListPrefix = "rlist:";
    public static string List(DateTimeOffset createdAt, string rmaId) => $"{ListPrefix}{TableKeys.NewestFirst(createdAt)}:{rmaId}";

    /// <summary>The company-wide RMA number counter lives in its own partition of the same table.</summary>
    public const string CounterPartition = "counter";
    public const string RmaCounter = "rma";
}

public enum RmaStatus
{
    Draft,
    Sent,
    InProgress,
    Completed,
    Rejected,
}

public enum RmaReason
{
    Defective,
    DamagedInTransit,
    WrongItem,
    NotAsDescribed,
    Other,
}

/// <summary>Where the supplier is with a request: the "processing status" beside the lifecycle status.</summary>
public enum RmaProcessing
{
    NotSent,
    AwaitingDecision,
    Accepted,
    GoodsReceived,
    RefundApproved,
    Done,
    Rejected,
}

public enum RmaResolution
{
    Refund,
    Replacement,
    Repair,
    CreditNote,
    None,
}

/// <summary>The whole RMA request (RowKey "rma:{id}"), read by id with one point read.</summary>
public sealed class RmaEntity : TableRow
{
    public string RmaId { get; set; } = "";
    public string Number { get; set; } = "";
    public string Status { get; set; } = nameof(RmaStatus.Draft);
    public string InvoiceId { get; set; } = "";
    public string InvoiceNumber { get; set; } = "";
    public DateTime InvoiceDate { get; set; }
    public string Currency { get; set; } = "";
    /// <summary>JSON array of <see cref="RmaLine"/>.</summary>
    public string Lines { get; set; } = "[]";
    public string Reason { get; set; } = nameof(RmaReason.Defective);
    public string Description { get; set; } = "";
    public string? PreferredResolution { get; set; }
    public string? Resolution { get; set; }
    public DateTime? ExpectedDate { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>Set when the staff desk published the goods return / the credit note that came of the request.</summary>
    public bool GoodsReceived { get; set; }
    public bool RefundApproved { get; set; }
    /// <summary>JSON array of <see cref="Shared.Files.StoredAttachment"/>.</summary>
    public string Attachments { get; set; } = "[]";
    /// <summary>JSON array of <see cref="RmaStatusChange"/>.</summary>
    public string History { get; set; } = "[]";
    public string CreatedByUserId { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>RowKey of the list row, written in the same transaction as every change.</summary>
    public string ListRowKey { get; set; } = "";
}

/// <summary>The request as lists need it (RowKey "rlist:{inverted ticks of creation}:{id}").</summary>
public sealed class RmaListEntity : TableRow
{
    public string RmaId { get; set; } = "";
    public string Number { get; set; } = "";
    public string Status { get; set; } = "";
    public string InvoiceId { get; set; } = "";
    public string InvoiceNumber { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? Resolution { get; set; }
    public DateTime? ExpectedDate { get; set; }
    public bool GoodsReceived { get; set; }
    public bool RefundApproved { get; set; }
    public int LineCount { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line to return: which invoice line (1-based), what it is, how many.</summary>
public sealed record RmaLine(int LineNumber, string? Sku, string Name, string? Unit, decimal Quantity, decimal? UnitPrice);

public sealed record RmaStatusChange(string Status, DateTimeOffset At, string By, string? Note = null);

/// <summary>
/// "claims:{invoiceId}": what the counterparty's sent, in-progress and completed RMA requests claim of one invoice,
/// entry by entry. Replaced with its ETag in the same transaction as the request that adds or frees a claim.
/// </summary>
public sealed class RmaClaimsEntity : TableRow
{
    /// <summary>JSON array of <see cref="RmaClaim"/>.</summary>
    public string Claims { get; set; } = "[]";
}

/// <summary>One request's claim on one invoice line.</summary>
public sealed record RmaClaim(string RmaId, int LineNumber, decimal Quantity);

/// <summary>"rnum:{number}": finds a request by its number (links from goods returns and credit notes).</summary>
public sealed class RmaNumberEntity : TableRow
{
    public string RmaId { get; set; } = "";
}

/// <summary>Human-readable RMA numbers (RMA-000123) from one counter row updated with optimistic concurrency.</summary>
public static class RmaNumbers
{
    public static string Format(long value) => $"RMA-{value:D6}";
}
