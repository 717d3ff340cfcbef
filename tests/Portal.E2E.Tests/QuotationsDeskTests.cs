using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Sales → Quotations: a clerk quotes a customer at its prices, issues it again, and the customer sees it.</summary>
public sealed class QuotationsDeskTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_clerk_issues_and_reissues_a_quotation_and_the_customer_finds_it_under_documents_from_supplier() => InBrowserAsync(async page =>
    {
        var number = $"QT-E2E-{Random.Shared.Next(100_000, 1_000_000)}";
        await SignInAsync(page, DemoUser.Clerk);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.List, new() { Name = "Sales" })
            .GetByRole(AriaRole.Link, new() { Name = "Quotations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quotations", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Customer (counterparty)").SelectOptionAsync(new SelectOptionValue { Label = "Contoso Retail" });
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Quotation for Contoso Retail" });
        await Expect(form).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Its quotations");
        await ExpectAccessibleAsync(page);

        await form.GetByLabel("Number").FillAsync(number);
        await form.GetByRole(AriaRole.Searchbox, new() { Name = "Find a product" }).FillAsync("SF-HELM-01");
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Safety helmet, white \(SF-HELM-01\)") }).ClickAsync();
        var price = form.GetByRole(AriaRole.Textbox, new() { Name = "Unit price of Safety helmet, white" });
        await Expect(price).Not.ToHaveValueAsync(""); // pre-filled with Contoso's price
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Quantity of Safety helmet, white" }).FillAsync("6");
        await price.FillAsync("9.99");
        await Expect(form).ToContainTextAsync("Total: €59.94");
        await ExpectAccessibleAsync(page);
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue quotation" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Quotation {number} issued to Contoso Retail.");

        // Issued again from the list, at a better price.
        var existing = page.GetByRole(AriaRole.Table, new() { Name = "Its quotations" });
        await existing.GetByRole(AriaRole.Button, new() { Name = $"Issue again {number}" }).ClickAsync();
        await Expect(form.GetByLabel("Number")).ToHaveValueAsync(number);
        await Expect(price).ToHaveValueAsync("9.99");
        await price.FillAsync("8.99");
        await Expect(form).ToContainTextAsync("Total: €53.94");
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue quotation" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Quotation {number} issued to Contoso Retail.");
        await Expect(existing.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The customer finds it under Documents from supplier → Quotations, at the re-issued price.
        await SignInAsync(page, DemoUser.Ben);
        await GoToMenuAsync(page, "Quotations");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Quotations" });
        await list.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Quotation {number}" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Safety helmet, white");
        await Expect(page.Locator("main")).ToContainTextAsync("€8.99");
        await ExpectAccessibleAsync(page);
    });
}
