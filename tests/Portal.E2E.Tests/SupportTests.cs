using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Support requests: a customer asks about an invoice from its page, the clerk answers at the desk, the customer closes it.</summary>
public sealed class SupportTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Anna_asks_about_an_invoice_the_clerk_answers_and_Anna_reads_the_answer_and_closes_the_request() => InBrowserAsync(async page =>
    {
        var subject = "Wrong quantity on INV-2026-0002 " + Guid.NewGuid().ToString("N")[..6];

        // Anna opens the invoice and asks about it.
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "Invoices");
        await page.GetByRole(AriaRole.Table, new() { Name = "Invoices" }).GetByRole(AriaRole.Link, new() { Name = "INV-2026-0002" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice INV-2026-0002", Level = 1 })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask a question about this" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New support request", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("About: Invoice INV-2026-0002");
        await Expect(page.GetByLabel("Category")).ToHaveValueAsync("documentInaccuracy");
        await ExpectAccessibleAsync(page);
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Message").FillAsync("We received 10 pieces, the invoice says 12.\n<b>Please correct it.</b>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^SR-\\d{{6}}: {Regex.Escape(subject)}$"), Level = 1 });
        await Expect(heading).ToBeVisibleAsync();
        var requestUrl = page.Url;
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Messages" });
        // Text stays text: the tags are shown, not applied.
        await Expect(messages).ToContainTextAsync("<b>Please correct it.</b>");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Invoice INV-2026-0002" })).ToHaveAttributeAsync("href", new Regex("^/documents/invoices/.+"));
        await ExpectAccessibleAsync(page);

        // The clerk finds it at the desk, awaiting an answer, and answers it.
        await using (var staffContext = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB", TimezoneId = "UTC", ReducedMotion = ReducedMotion.Reduce,
        }))
        {
            var clerk = await staffContext.NewPageAsync();
            await SignInAsync(clerk, DemoUser.Clerk);
            await GoToMenuAsync(clerk, "Support desk");
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Support desk", Level = 1 })).ToBeFocusedAsync();
            var row = clerk.GetByRole(AriaRole.Table, new() { Name = "Support requests" }).GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
            await Expect(row).ToContainTextAsync("Awaiting answer");
            await Expect(row).ToContainTextAsync("Northwind Traders");
            await ExpectAccessibleAsync(clerk);
            await row.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(subject)), Level = 1 })).ToBeVisibleAsync();
            await Expect(clerk.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("We received 10 pieces");
            await ExpectAccessibleAsync(clerk);
            await clerk.GetByRole(AriaRole.Textbox, new() { Name = "Your answer" }).FillAsync("Sorry about that. A credit note for 2 pieces follows today.");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
            await Expect(clerk.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("A credit note for 2 pieces follows today.");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Mark resolved" }).ClickAsync();
            await Expect(clerk.Locator("main")).ToContainTextAsync("Resolved");
        }

        // Anna sees the answer (marked new in her list), and closes the request.
        await GoToMenuAsync(page, "Support requests");
        var mine = page.GetByRole(AriaRole.Table, new() { Name = "Support requests" }).GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
        await Expect(mine).ToContainTextAsync("New reply");
        await Expect(mine).ToContainTextAsync("Resolved");
        await ExpectAccessibleAsync(page);
        await mine.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal(requestUrl, page.Url);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("A credit note for 2 pieces follows today.");
        await Expect(page.Locator("main")).ToContainTextAsync("Your supplier marked this request resolved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("This request is closed.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        // The invoice lists the request.
        await page.GetByRole(AriaRole.Link, new() { Name = "Invoice INV-2026-0002" }).First.ClickAsync();
        var questions = page.GetByRole(AriaRole.Region, new() { Name = "Questions about this" });
        await Expect(questions).ToContainTextAsync(subject);
        await Expect(questions).ToContainTextAsync("Closed");
    });
}
