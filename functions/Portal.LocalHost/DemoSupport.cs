using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Support;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// A support conversation to look at: Anna at Northwind asks about a partly paid invoice and the clerk answers. The
/// fixed Idempotency-Keys make seeding again at the next start answer with the same request and message.
/// </summary>
internal static class DemoSupport
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var support = services.GetRequiredService<SupportService>();
        var anna = new Caller(CallerKind.Customer, "demo-anna", "anna@northwind.example", "northwind", "customers", "", "");
        var clerk = new Caller(CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");
        var (request, _) = await support.CreateAsync(anna, new CreateSupportRequest
        {
            Subject = "Payment on INV-2026-0003 not shown",
            Category = SupportCategory.DocumentInaccuracy,
            Message = "We paid the rest of INV-2026-0003 by bank transfer last week, but the invoice still shows as partially paid.\nCould you check it?",
            Link = new SupportLinkRequest { Type = DocumentTypes.Invoices, Id = DocumentKeys.Id("northwind", DocumentTypes.Invoices, "INV-2026-0003") },
        }, "demo-support-invoice-question", cancellationToken);
        if (request.Status == SupportStatus.Open && request.MessageCount == 1)
        {
            await support.PostAsync(clerk, clerk.ScopeFor("northwind"), request.Id, new SupportMessageRequest
            {
                Body = "Thank you, Anna. The transfer arrived on Friday; accounting books it today and the invoice will show as paid tomorrow.",
            }, fromSupplier: true, "demo-support-invoice-answer", cancellationToken);
        }
    }
}
