using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The Documents feature: documents from the supplier (quotations today).</summary>
public sealed class DocumentsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Quotations_list_detail_and_create_order_review_in_the_cart() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await ApiAsync(page, "DELETE", "/api/cart");
        await GoToMenuAsync(page, "Quotations");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Quotations" });
        await Expect(list).ToContainTextAsync("QT-2026-0041");
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = "QT-2026-0017" })).ToContainTextAsync("Expired");
        await ExpectAccessibleAsync(page);

        await list.GetByRole(AriaRole.Link, new() { Name = "QT-2026-0041" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quotation QT-2026-0041" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(page.Locator("main").GetByText("4 products were added from quotation QT-2026-0041. Review the cart, then create the order.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Cart lines" })).ToContainTextAsync("Cordless combi drill 18 V");
    });
}
