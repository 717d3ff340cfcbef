using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Purchase returns: a buyer returns goods from an invoice with a photo, the clerk decides on the RMA desk, the buyer sees the decision.</summary>
public sealed class ReturnsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public Task A_buyer_returns_goods_from_an_invoice_with_a_photo_and_sees_the_clerks_decision_in_the_sent_tab() => InBrowserAsync(async page =>
    {
        // The clerk issues an invoice of its own for this scenario, so no other test's returns change what is returnable.
        var invoiceNumber = "INV-E2E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await SignInAsync(page, DemoUser.Clerk);
        var invoice = await ApiAsync(page, "PUT", $"/api/manage/documents/northwind/invoices/{invoiceNumber}", new
        {
            date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            lines = new[] { new { sku = "SF-HELM-02", name = "Safety helmet, yellow", unit = "pcs", quantity = 6, unitPrice = 8.90m } },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Anna opens the invoice and returns goods from it.
        await SignInAsync(page, DemoUser.Anna, $"/documents/invoices/{invoice.GetProperty("id").GetString()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {invoiceNumber}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Return goods from this invoice" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an RMA request", Level = 1 })).ToBeVisibleAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Invoice lines to return" });
        await Expect(lines).ToContainTextAsync("Safety helmet, yellow");
        await Expect(lines.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("6 pcs");
        await page.GetByLabel("Quantity of Safety helmet, yellow to return").FillAsync("2");
        await page.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Damaged in transit" });
        await page.GetByLabel("Describe the problem").FillAsync("Two helmets arrived cracked.");
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^RMA request RMA-\\d{6}$"), Level = 1 });
        await Expect(heading).ToBeVisibleAsync();
        var number = (await heading.TextContentAsync())!["RMA request ".Length..];
        await Expect(page.Locator("main")).ToContainTextAsync("This is a draft.");
        await page.Locator("#rma-file").SetInputFilesAsync(new FilePayload { Name = "cracked-helmet.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "cracked-helmet.png" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToHaveCountAsync(0);
        await Expect(page.Locator("main dl")).ToContainTextAsync("Sent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove cracked-helmet.png" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The clerk finds it on the RMA desk and accepts it with a resolution and an expected date.
        await SignInAsync(page, DemoUser.Clerk);
        await GoToMenuAsync(page, "RMA desk");
        var desk = page.GetByRole(AriaRole.Table, new() { Name = "RMA requests" });
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync("Northwind Traders");
        await ExpectAccessibleAsync(page);
        await desk.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"RMA request {number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "cracked-helmet.png" })).ToBeVisibleAsync();
        await page.GetByLabel("Resolution").SelectOptionAsync(new SelectOptionValue { Label = "Credit note" });
        await page.GetByLabel("Expected date").FillAsync("2027-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Saved: the request is in progress.");
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Anna sees both in the Sent tab.
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "RMA requests");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Sent" })).ToHaveAttributeAsync("aria-selected", "true");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Sent RMA requests" }).GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("In progress");
        await Expect(row).ToContainTextAsync("Accepted, goods not received yet");
        await Expect(row).ToContainTextAsync("Credit note");
        await Expect(row).ToContainTextAsync("15 Jan 2027");
        await Expect(row).ToContainTextAsync(invoiceNumber);
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_demo_goods_return_and_credit_note_lead_to_the_request_they_came_of() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "Goods return");
        await page.GetByRole(AriaRole.Table, new() { Name = "Goods return" }).GetByRole(AriaRole.Link, new() { Name = "GR-2026-0001" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Goods return GR-2026-0001", Level = 1 })).ToBeFocusedAsync();
        var related = page.GetByRole(AriaRole.Region, new() { Name = "Related documents" });
        var request = related.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^RMA request RMA-\d{6}$") });
        await Expect(request).ToHaveAttributeAsync("href", new Regex("^/returns/rma-requests/.+"));
        var number = (await request.TextContentAsync())!["RMA request ".Length..];

        await request.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"RMA request {number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Completed");
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documents" });
        await Expect(documents.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("GR-2026-0001") })).ToHaveAttributeAsync("href", new Regex("^/documents/goods-returns/.+"));
        await Expect(documents.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("CN-2026-0001") })).ToHaveAttributeAsync("href", new Regex("^/documents/credit-notes/.+"));
        await ExpectAccessibleAsync(page);
    });
}
