using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Returns;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// Northwind's RMA requests for the demo: one that went all the way (helmets damaged in transit: accepted, goods
/// return and credit note published from it, completed), one sent and accepted with an expected date, and one draft.
/// Created with fixed Idempotency-Keys as Anna, so starting again replays them instead of adding more; a demo request
/// someone deleted or an invoice whose goods are all claimed is left as it is.
/// </summary>
internal static class DemoReturns
{
    private static readonly Caller Anna = new(CallerKind.Customer, "demo-anna", "anna@northwind.example", "northwind", "customers", "", "");
    private static readonly Caller Clerk = new(CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var rma = services.GetRequiredService<RmaService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.LocalHost.DemoReturns");
        // Northwind's first two current invoices (the demo's own, seeded before this): the first for the finished and the
        // accepted request, the second for the draft.
        var invoices = (await services.GetRequiredService<DocumentService>().ListAsync(Clerk.ScopeFor("northwind"), DocumentTypes.Invoices,
                new DocumentQuery(null, null, null, null, null), null, 100, cancellationToken)).Items
            .Where(i => i.Number is "INV-2026-0001" or "INV-2026-0002" && i.Status != DocumentStatus.Canceled && i.LineCount > 0)
            .OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
        if (invoices.Count == 0)
        {
            return;
        }
        try
        {
            await SeedCompletedReturnAsync(rma, invoices[0], cancellationToken);
            await SentAndAcceptedAsync(rma, new RmaRequestBody
            {
                InvoiceId = invoices[0].Id,
                Lines = [new RmaLineRequest { LineNumber = 1, Quantity = 1 }],
                Reason = RmaReason.DamagedInTransit,
                Description = "The box was crushed on delivery and the product inside is dented.",
                PreferredResolution = RmaResolution.Replacement,
            }, "demo-rma-accepted", new AcceptRmaRequest
            {
                Resolution = RmaResolution.Replacement, ExpectedDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7),
            }, cancellationToken);
            await rma.CreateAsync(Anna, new RmaRequestBody
            {
                InvoiceId = invoices[^1].Id,
                Lines = [new RmaLineRequest { LineNumber = invoices[^1].LineCount, Quantity = 1 }],
                Reason = RmaReason.Defective,
                Description = "Stops working after a few minutes.",
            }, "demo-rma-draft", cancellationToken);
        }
        catch (PortalProblemException ex) when (ex.Status is 400 or 404 or 409)
        {
            logger.LogInformation("Demo RMA requests left as they are: {Detail}", ex.Detail ?? ex.Title);
        }
    }

    /// <summary>
    /// The finished return: two helmets from the paid invoice (or what of its largest line there is), refunded. The
    /// goods return and credit note come of the request the way the supplier's ERP publishes them, so both name the
    /// request's real number and the request lists them.
    /// </summary>
    private static async Task SeedCompletedReturnAsync(RmaService rma, DocumentSummaryView invoice, CancellationToken cancellationToken)
    {
        var northwind = Clerk.ScopeFor("northwind");
        var lines = (await rma.ReturnableAsync(Anna, invoice.Id, cancellationToken)).Lines;
        // The invoiced quantities never change, so the same line and quantity are chosen on every start (a replayed
        // Idempotency-Key must carry the same body). Line 1 keeps one unit for the accepted request below.
        var line = lines.FirstOrDefault(l => l.Sku == "SF-HELM-02") ?? lines.MaxBy(l => l.Invoiced);
        if (line is null)
        {
            return;
        }
        var quantity = Math.Min(2m, line.Invoiced - (line.LineNumber == 1 ? 1 : 0));
        if (quantity < 1)
        {
            return;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var request = await SentAndAcceptedAsync(rma, new RmaRequestBody
        {
            InvoiceId = invoice.Id,
            Lines = [new RmaLineRequest { LineNumber = line.LineNumber, Quantity = quantity }],
            Reason = RmaReason.DamagedInTransit,
            Description = "Two helmets arrived cracked; the carton was torn open.",
            PreferredResolution = RmaResolution.Refund,
        }, "demo-rma-completed", new AcceptRmaRequest { Resolution = RmaResolution.Refund, ExpectedDate = today.AddDays(-4) }, cancellationToken);
        if (request.Status is not (RmaStatus.InProgress or RmaStatus.Completed))
        {
            return;
        }
        // The same number and body again change nothing, so a restart leaves both documents as they are.
        await rma.PublishDocumentAsync(northwind, request.Id, new PublishRmaDocumentRequest
        {
            Type = DocumentTypes.GoodsReturns, Number = "GR-2026-0001", Date = today.AddDays(-4), Notes = "Helmets returned damaged in transit.",
        }, null, cancellationToken);
        await rma.PublishDocumentAsync(northwind, request.Id, new PublishRmaDocumentRequest
        {
            Type = DocumentTypes.CreditNotes, Number = "CN-2026-0001", Date = today.AddDays(-2), Notes = "Refunded to the card the invoice was paid with.",
        }, null, cancellationToken);
        if (request.Status == RmaStatus.InProgress)
        {
            await rma.CompleteAsync(northwind, request.Id, Clerk.Username, null, cancellationToken);
        }
    }

    /// <summary>Creates the request as Anna (or replays it by its key) and takes it as far as sent and accepted by the clerk.</summary>
    private static async Task<RmaView> SentAndAcceptedAsync(RmaService rma, RmaRequestBody body, string idempotencyKey, AcceptRmaRequest accept,
        CancellationToken cancellationToken)
    {
        var (request, _) = await rma.CreateAsync(Anna, body, idempotencyKey, cancellationToken);
        if (request.Status == RmaStatus.Draft)
        {
            request = await rma.SendAsync(Anna, request.Id, null, cancellationToken);
        }
        if (request.Status == RmaStatus.Sent)
        {
            request = await rma.AcceptAsync(Clerk.ScopeFor("northwind"), request.Id, accept, Clerk.Username, null, cancellationToken);
        }
        return request;
    }
}
