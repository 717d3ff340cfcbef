using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Documents;

/// <summary>
/// A document of any type, as its id row ("doc:{type}:{id}") and, without its lines, as its list row
/// ("dlist:{type}:{date}:{id}"). Lines are a compressed JSON column (<see cref="CompressedJsonColumn"/>), so a
/// 5,000-line invoice is still one entity within Table Storage's limits.
/// </summary>
public class DocumentEntity : DocumentRow
{
    public string Type { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime? DueDate { get; set; }
    public DateTime? ValidUntil { get; set; }
    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }
    public string Total { get; set; } = "0";
    public string? TaxTotal { get; set; }
    public string Currency { get; set; } = "";
    public int LineCount { get; set; }
    public string? LinesJson { get; set; }
    public byte[]? LinesGzip1 { get; set; }
    public byte[]? LinesGzip2 { get; set; }
    public byte[]? LinesGzip3 { get; set; }
    public byte[]? LinesGzip4 { get; set; }
    /// <summary>JSON array of <see cref="RelatedRef"/>.</summary>
    public string Related { get; set; } = "[]";
    public string? Notes { get; set; }
    /// <summary>A hash of what was sent: the same body again changes nothing (not even the ETag).</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Reconciliation statements: the customer's answer (confirmed or disputed), with the dispute's comment.</summary>
    public string? ResponseComment { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
}

/// <summary>
/// A disputed reconciliation statement, for staff (partition "reconciliation-disputes", "{counterpartyId}:{documentId}").
/// Written after the statement changes and again on a retry, so a dispute is never lost from the staff list.
/// </summary>
public sealed class DisputeEntity : TableRow
{
    public string CounterpartyId { get; set; } = "";
    public string CounterpartyName { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }
    public string Comment { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A line as stored (amounts in the document's currency).</summary>
public sealed record DocumentLine(string? Sku, string Name, string? Unit, decimal Quantity, decimal? UnitPrice, decimal LineTotal);

/// <summary>A related document, order or RMA request by number; the id is known for documents and resolved for orders.</summary>
public sealed record RelatedRef(string Type, string Number, string? Id);

/// <summary>
/// "docx:{type}:{id}:by:{otherType}:{otherId}": another document names this one. Written in that document's transaction
/// (same partition), so "referenced by" is one range query next to the document, never a search.
/// </summary>
public sealed class BacklinkEntity : TableRow
{
    public string Type { get; set; } = "";
    public string Number { get; set; } = "";
    public string Id { get; set; } = "";
}

/// <summary>
/// "docx:{type}:{id}:file": the document's file in the documents container. Written when the blob arrives, whether the
/// document's data is there yet or not (the id is derived from the number, so either can come first).
/// </summary>
public sealed class DocumentFileEntity : TableRow
{
    public string BlobName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Extension { get; set; } = "";
    public string BlobETag { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A supplier material (partition "materials", "material:{id}"), described by its blob's metadata.</summary>
public sealed class MaterialEntity : TableRow
{
    public string MaterialId { get; set; } = "";
    public string BlobName { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Comma-separated access group ids that may see it; empty means everyone.</summary>
    public string AccessGroups { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string BlobETag { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An upload that did not fit the convention (partition "rejected-files"): left in place, listed for staff.</summary>
public sealed class RejectedFileEntity : TableRow
{
    public string Container { get; set; } = "";
    public string BlobName { get; set; } = "";
    public string Reason { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset At { get; set; }
}
