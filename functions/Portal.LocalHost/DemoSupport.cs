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
        await SeedPastAsync(support, anna, clerk, cancellationToken);
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

    /// <summary>
    /// Earlier requests from the year of history, answered and closed, dated when they happened (<see cref="DemoClock"/>,
    /// relative to the seeding day). Created first, so their numbers come before today's question.
    /// </summary>
    private static async Task SeedPastAsync(SupportService support, Caller anna, Caller clerk, CancellationToken cancellationToken)
    {
        var today = DateTimeOffset.UtcNow.Date;
        var past = new (int DaysAgo, string Key, SupportCategory Category, string Subject, string Question, string Answer)[]
        {
            (241, "demo-support-past-delivery", SupportCategory.Order, "Delivery to the Bristol site instead of the office",
                "Could the next deliveries go to our building site at Harbour Road instead of the office?",
                "Done: deliveries now go to the site address. The drivers call 30 minutes ahead."),
            (118, "demo-support-past-account", SupportCategory.Account, "A portal account for our site foreman",
                "Dan Okafor runs our sites and should order tools and safety gear himself. Can he get an account?",
                "Dan has an account now, limited to tools and safety. He receives his sign-in details by email."),
        };
        foreach (var (daysAgo, key, category, subject, question, answer) in past)
        {
            var asked = new DateTimeOffset(today.AddDays(-daysAgo).AddHours(9), TimeSpan.Zero);
            SupportRequestView request;
            using (DemoClock.At(asked))
            {
                (request, _) = await support.CreateAsync(anna, new CreateSupportRequest { Subject = subject, Category = category, Message = question }, key, cancellationToken);
            }
            if (request.Status != SupportStatus.Open || request.MessageCount != 1)
            {
                continue;
            }
            using (DemoClock.At(asked.AddHours(3)))
            {
                await support.PostAsync(clerk, clerk.ScopeFor("northwind"), request.Id, new SupportMessageRequest { Body = answer }, fromSupplier: true, key + "-answer",
                    cancellationToken);
            }
            using (DemoClock.At(asked.AddDays(1)))
            {
                await support.CloseAsync(anna, request.Id, cancellationToken);
            }
        }
    }
}
