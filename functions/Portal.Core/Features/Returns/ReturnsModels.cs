using System.Text.Json.Serialization;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Returns;

// Requests (customer side).

/// <summary>An RMA request as the customer writes it: the invoice, the lines and quantities to return, the problem.</summary>
public sealed class RmaRequestBody : IValidatable
{
    public const int MaxDescription = 2000;

    /// <summary>The invoice's id (as in <c>documents/invoices/{id}</c>).</summary>
    [JsonRequired] public string InvoiceId { get; set; } = "";
    [JsonRequired] public List<RmaLineRequest> Lines { get; set; } = [];
    [JsonRequired] public RmaReason Reason { get; set; }
    /// <summary>What is wrong, in the customer's words.</summary>
    [JsonRequired] public string Description { get; set; } = "";
    /// <summary>What the customer would like the supplier to do.</summary>
    public RmaResolution? PreferredResolution { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("invoiceId", InvoiceId, 64);
        if (Lines is null || Lines.Count == 0)
        {
            errors.Add("lines", "Choose at least one line of the invoice to return.");
        }
        else if (Lines.Count > Returnable.MaxLines)
        {
            errors.Add("lines", $"Return at most {Returnable.MaxLines} lines in one request.");
        }
        else
        {
            for (var i = 0; i < Lines.Count; i++)
            {
                if (Lines[i] is null)
                {
                    errors.Add($"lines[{i}]", "Give the line.");
                }
                else if (Lines[i].Quantity <= 0 || Lines[i].Quantity > 1_000_000m)
                {
                    errors.Add($"lines[{i}].quantity", "Enter a quantity above zero.");
                }
            }
        }
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors.Add("description", "Describe the problem.");
        }
        else
        {
            errors.Optional("description", Description, MaxDescription);
        }
        if (PreferredResolution == RmaResolution.None)
        {
            errors.Add("preferredResolution", "Choose what you would like, or leave it to the supplier.");
        }
    }
}

public sealed class RmaLineRequest
{
    /// <summary>The invoice line, counted from 1 as the invoice shows them.</summary>
    [JsonRequired] public int LineNumber { get; set; }
    [JsonRequired] public decimal Quantity { get; set; }
}

// Requests (company side).

public sealed class AcceptRmaRequest : IValidatable
{
    /// <summary>What the supplier will do.</summary>
    [JsonRequired] public RmaResolution Resolution { get; set; }
    /// <summary>When the customer can expect it done.</summary>
    [JsonRequired] public DateOnly ExpectedDate { get; set; }
    public string? Note { get; set; }

    public void Validate(ValidationErrors errors) => errors.Optional("note", Note, 1000);
}

public sealed class RmaExpectedDateRequest : IValidatable
{
    [JsonRequired] public DateOnly ExpectedDate { get; set; }
    public string? Note { get; set; }

    public void Validate(ValidationErrors errors) => errors.Optional("note", Note, 1000);
}

public sealed class RejectRmaRequest : IValidatable
{
    /// <summary>Why, in words the customer reads.</summary>
    [JsonRequired] public string Reason { get; set; } = "";

    public void Validate(ValidationErrors errors) => errors.Required("reason", Reason, 1000);
}

/// <summary>
/// A goods return or credit note that comes of an RMA request, published to the customer as a document naming the
/// request. Without lines it takes the request's lines at the invoice's prices.
/// </summary>
public sealed class PublishRmaDocumentRequest : IValidatable
{
    /// <summary><c>goods-returns</c> or <c>credit-notes</c>.</summary>
    [JsonRequired] public string Type { get; set; } = "";
    /// <summary>The company's document number; publishing the same number again updates that document.</summary>
    [JsonRequired] public string Number { get; set; } = "";
    [JsonRequired] public DateOnly Date { get; set; }
    public List<RmaDocumentLineRequest>? Lines { get; set; }
    public string? Notes { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Type is not (DocumentTypes.GoodsReturns or DocumentTypes.CreditNotes))
        {
            errors.Add("type", $"Use {DocumentTypes.GoodsReturns} or {DocumentTypes.CreditNotes}.");
        }
        DocumentNumbers.Validate(errors, "number", Number);
        if (Lines is { Count: 0 })
        {
            errors.Add("lines", "Give at least one line, or leave the lines out to take the request's.");
        }
        for (var i = 0; Lines is not null && i < Lines.Count; i++)
        {
            if (Lines[i] is null || Lines[i].Quantity <= 0)
            {
                errors.Add($"lines[{i}].quantity", "Enter a quantity above zero.");
            }
            else if (Lines[i].UnitPrice is < 0 or > 100_000_000m)
            {
                errors.Add($"lines[{i}].unitPrice", "Enter a price from 0.");
            }
        }
        errors.Optional("notes", Notes, 2000);
    }
}

public sealed class RmaDocumentLineRequest
{
    /// <summary>The invoice line number the request names.</summary>
    [JsonRequired] public int LineNumber { get; set; }
    [JsonRequired] public decimal Quantity { get; set; }
    /// <summary>When omitted, the invoice's price.</summary>
    public decimal? UnitPrice { get; set; }
}

// Views.

public sealed record RmaSummaryView(string Id, string Number, RmaStatus Status, RmaProcessing Processing, string InvoiceId, string InvoiceNumber, RmaReason Reason,
    RmaResolution? Resolution, DateOnly? ExpectedDate, int LineCount, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset UpdatedAt);

public sealed record RmaLineView(int LineNumber, string? Sku, string Name, string? Unit, decimal Quantity, Money? UnitPrice);

public sealed record RmaHistoryView(RmaStatus Status, DateTimeOffset At, string By, string? Note);

/// <summary>An RMA request with its history, files and the documents that came of it; <paramref name="Version"/> is its ETag.</summary>
public sealed record RmaView(string Id, string Number, RmaStatus Status, RmaProcessing Processing, string InvoiceId, string InvoiceNumber, DateOnly InvoiceDate,
    IReadOnlyList<RmaLineView> Lines, RmaReason Reason, string Description, RmaResolution? PreferredResolution, RmaResolution? Resolution,
    DateOnly? ExpectedDate, string? RejectionReason, IReadOnlyList<AttachmentView> Attachments, int MaxAttachments, IReadOnlyList<RmaHistoryView> History,
    IReadOnlyList<RelatedDocumentView> Documents, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string Version);

/// <summary>An invoice line and how much of it can still be returned.</summary>
public sealed record ReturnableLineView(int LineNumber, string? Sku, string Name, string? Unit, decimal Invoiced, decimal Claimed, decimal Returnable,
    int UnitPrecision, Money? UnitPrice);

/// <summary>An invoice to return goods from: its lines with their returnable quantities.</summary>
public sealed record ReturnableInvoiceView(string InvoiceId, string InvoiceNumber, DateOnly Date, DocumentStatus Status, IReadOnlyList<ReturnableLineView> Lines);

/// <summary>An RMA request on the staff desk, with the counterparty it belongs to.</summary>
public sealed record StaffRmaSummaryView(string CounterpartyId, string CounterpartyName, RmaSummaryView Rma);

/// <summary>The customer's two lists: drafts, and everything sent.</summary>
public enum RmaTab
{
    Drafts,
    Sent,
}
