using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Ordering;
using Portal.Core.Features.Returns;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Support;

/// <summary>
/// One kind of thing a support request can be about. Each resolver checks, in the caller's own counterparty, that
/// the thing exists (so another counterparty's id is a 404) and names it. Adding a link type is one class and one
/// registration in <see cref="SupportServiceCollectionExtensions.AddSupport"/>.
/// </summary>
public interface ISupportLinkResolver
{
    /// <summary>The type as the API names it ("invoices", "orders", "rma-requests").</summary>
    string Type { get; }

    /// <summary>How people name the thing ("Invoice INV-1001"), or null when the scope has no such thing.</summary>
    Task<string?> LabelAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken);
}

/// <summary>Any of the seven documents from supplier, read through the Documents feature.</summary>
public sealed class DocumentLinkResolver(string type, string singular, DocumentService documents) : ISupportLinkResolver
{
    public string Type => type;

    public async Task<string?> LabelAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken)
    {
        try
        {
            var document = await documents.GetAsync(scope, type, id, cancellationToken);
            return $"{singular} {document.Number}";
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The seven types and the singular names customers know them by.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [DocumentTypes.Quotations] = "Quotation",
        [DocumentTypes.Invoices] = "Invoice",
        [DocumentTypes.TaxInvoices] = "Tax invoice",
        [DocumentTypes.GoodsIssues] = "Goods delivery",
        [DocumentTypes.GoodsReturns] = "Goods return",
        [DocumentTypes.CreditNotes] = "Credit note",
        [DocumentTypes.ReconciliationStatements] = "Reconciliation statement",
    };
}

/// <summary>An order, read through the Ordering feature.</summary>
public sealed class OrderLinkResolver(OrderService orders) : ISupportLinkResolver
{
    public string Type => DocumentTypes.Orders;

    public async Task<string?> LabelAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken)
    {
        try
        {
            return "Order " + (await orders.GetAsync(scope, id, cancellationToken)).Number;
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>An RMA request, read through the Returns feature.</summary>
public sealed class RmaLinkResolver(RmaService returns) : ISupportLinkResolver
{
    public string Type => DocumentTypes.RmaRequests;

    public async Task<string?> LabelAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken)
    {
        try
        {
            return "RMA request " + (await returns.GetAsync(scope, id, cancellationToken)).Number;
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>
/// A disputed reconciliation statement opens a support request about it, in the disputing user's name, with their
/// comment as the first message, so the disagreement is settled as a conversation with the supplier. The request is
/// created once per statement and user (a fixed Idempotency-Key), whatever retries follow. SupportService is resolved
/// when needed: it depends on DocumentService through the link resolvers, which depends on this.
/// </summary>
public sealed class DisputeSupportRequests(IServiceProvider services) : IDisputeFollowUp
{
    public async Task OpenAsync(Caller caller, string statementId, string number, string comment, CancellationToken cancellationToken)
    {
        var support = services.GetRequiredService<SupportService>();
        await support.CreateAsync(caller, new CreateSupportRequest
        {
            Subject = $"Reconciliation statement {number} disputed",
            Category = SupportCategory.DocumentInaccuracy,
            Message = comment.Length > 0 ? comment : "We do not agree with this reconciliation statement.",
            Link = new SupportLinkRequest { Type = DocumentTypes.ReconciliationStatements, Id = statementId },
        }, "reconciliation-dispute:" + statementId, cancellationToken);
    }
}
