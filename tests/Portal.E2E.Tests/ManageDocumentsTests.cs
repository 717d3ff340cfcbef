using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The company side of Documents: a clerk issues a document by hand, and the customer it is for can read it.</summary>
public sealed class ManageDocumentsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_clerk_issues_an_invoice_and_the_customer_finds_it_among_their_invoices() => InBrowserAsync(async page =>
    {
        var number = $"INV-E2E-{Random.Shared.Next(100_000, 1_000_000)}";
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        var dueDate = date.AddDays(30);

        await SignInAsync(page, DemoUser.Clerk);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await menu.GetByRole(AriaRole.List, new() { Name = "Documents" }).GetByRole(AriaRole.Link, new() { Name = "Issue a document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Issue a document", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Saving an existing number updates it");
        await ExpectAccessibleAsync(page);

        var document = page.GetByRole(AriaRole.Group, new() { Name = "Document", Exact = true });
        await document.GetByLabel("Customer (counterparty)").SelectOptionAsync("northwind");
        await document.GetByLabel("Type").SelectOptionAsync("invoices");
        await document.GetByLabel("Number").FillAsync(number);
        await document.GetByLabel(new Regex("^Date")).FillAsync(Iso(date));
        await Expect(document.GetByLabel("Status")).ToHaveValueAsync("unpaid");
        await document.GetByLabel("Due date").FillAsync(Iso(dueDate));

        await FillLineAsync(page, 1, sku: "PT-DRL-18V", name: "Cordless combi drill 18 V", unit: "pcs", quantity: "2", unitPrice: "89.90");
        // The second line by keyboard: Add a line moves focus to the new line's first field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var line2 = page.GetByRole(AriaRole.Group, new() { Name = "Line 2" });
        await Expect(line2.GetByLabel("SKU")).ToBeFocusedAsync();
        await FillLineAsync(page, 2, sku: null, name: "Delivery", unit: null, quantity: "1", unitPrice: "15");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Line 1" })).ToContainTextAsync("179.80");
        await Expect(page.Locator("main")).ToContainTextAsync(new Regex(@"Lines total: €194\.80"));
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        var saved = page.Locator("main").GetByText($"Invoice {number} saved.");
        await Expect(saved).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Total €194.80");
        await Expect(page.Locator("main")).ToContainTextAsync("Northwind Traders now sees it under Documents from supplier → Invoices.");
        await Expect(page.Locator("main")).ToContainTextAsync($"documents/northwind/invoices/{number}.pdf");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Invoice {number} saved for Northwind Traders." })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync(page);

        // Saving the same number again updates the document rather than adding another.
        await page.GetByRole(AriaRole.Group, new() { Name = "Line 2" }).GetByLabel("Unit price").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Total €199.80");

        // The customer it is for now has it among their invoices.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, DemoUser.Anna);
        var invoices = await ApiAsync(page, "GET", $"/api/documents/invoices?number={number}");
        var items = invoices.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("number").GetString() == number).ToList();
        var invoice = Assert.Single(items);
        Assert.Equal(Iso(date), invoice.GetProperty("date").GetString());
        Assert.Equal(Iso(dueDate), invoice.GetProperty("dueDate").GetString());
        Assert.Equal("unpaid", invoice.GetProperty("status").GetString());
        Assert.Equal(2, invoice.GetProperty("lineCount").GetInt32());
        Assert.Equal(199.80m, invoice.GetProperty("total").GetProperty("amount").GetDecimal());
    });

    [Fact]
    public Task The_form_says_what_to_correct_and_reads_on_a_360_px_phone() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk, "/manage/documents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Issue a document", Level = 1 })).ToBeVisibleAsync();
        var document = page.GetByRole(AriaRole.Group, new() { Name = "Document", Exact = true });
        await Expect(document.GetByLabel("Customer (counterparty)")).ToBeVisibleAsync();

        // A quotation asks for its validity instead of a due date.
        await document.GetByLabel("Type").SelectOptionAsync("quotations");
        await Expect(document.GetByLabel("Valid until")).ToBeVisibleAsync();
        await Expect(document.GetByLabel("Due date")).ToHaveCountAsync(0);

        await document.GetByLabel("Number").FillAsync("QT 1/2");
        await page.GetByRole(AriaRole.Group, new() { Name = "Line 1" }).GetByLabel("Name").FillAsync("Consulting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Expect(document.GetByLabel("Customer (counterparty)")).ToBeFocusedAsync();
        await Expect(document).ToContainTextAsync("Choose the customer the document is for.");
        await Expect(document).ToContainTextAsync("Use 1–50 letters, digits, '-', '_' or '.'.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Line 1" })).ToContainTextAsync("Enter the quantity.");
        await ExpectAccessibleAsync(page);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 360px screen.");
    }, width: 360, height: 740);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task FillLineAsync(IPage page, int n, string? sku, string name, string? unit, string quantity, string unitPrice)
    {
        var line = page.GetByRole(AriaRole.Group, new() { Name = $"Line {n}" });
        if (sku is not null)
        {
            await line.GetByLabel("SKU").FillAsync(sku);
        }
        await line.GetByLabel("Name").FillAsync(name);
        if (unit is not null)
        {
            await line.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        }
        await line.GetByLabel("Quantity").FillAsync(quantity);
        await line.GetByLabel("Unit price").FillAsync(unitPrice);
    }
}
