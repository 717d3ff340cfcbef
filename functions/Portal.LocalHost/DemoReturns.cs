using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Returns;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// Northwind's RMA requests for the demo: one sent and accepted with an expected date, and one draft. Created with
/// fixed Idempotency-Keys as Anna, so starting again replays them instead of adding more; a demo request someone
/// deleted or an invoice whose goods are all claimed is left as it is.
/// </summary>
internal static class DemoReturns
{
    private static readonly Caller Anna = new(CallerKind.Customer, "demo-anna", "anna@northwind.example", "northwind", "customers", "", "");
    private static readonly Caller Clerk = new(CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var rma = services.GetRequiredService<RmaService>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.LocalHost.DemoReturns");
        // Northwind's first two current invoices (the demo's own, seeded before this): one for each request.
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
            var (accepted, _) = await rma.CreateAsync(Anna, new RmaRequestBody
            {
                InvoiceId = invoices[0].Id,
                Lines = [new RmaLineRequest { LineNumber = 1, Quantity = 1 }],
                Reason = RmaReason.DamagedInTransit,
                Description = "The box was crushed on delivery and the product inside is dented.",
                PreferredResolution = RmaResolution.Replacement,
            }, "demo-rma-accepted", cancellationToken);
            if (accepted.Status == RmaStatus.Draft)
            {
                accepted = await rma.SendAsync(Anna, accepted.Id, null, cancellationToken);
            }
            if (accepted.Status == RmaStatus.Sent)
            {
                await rma.AcceptAsync(Clerk.ScopeFor("northwind"), accepted.Id, new AcceptRmaRequest
                {
                    Resolution = RmaResolution.Replacement, ExpectedDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7),
                }, Clerk.Username, cancellationToken);
            }
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
}
