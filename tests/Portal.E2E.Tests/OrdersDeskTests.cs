using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Sales → Orders desk: a clerk takes a customer's order through its lifecycle, and the customer sees it.</summary>
public sealed class OrdersDeskTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_clerk_accepts_a_sent_order_records_a_partial_shipment_and_the_customer_sees_shipped_and_pending() => InBrowserAsync(async page =>
    {
        var reference = $"E2E-DESK-{Random.Shared.Next(100_000, 1_000_000)}";
        await SignInAsync(page, DemoUser.Dan);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "HT-SPAN-01", quantity = 10, warehouseId = "central" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SF-HELM-01", quantity = 4, warehouseId = "central" });
        await GoToMenuAsync(page, "Products cart");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your reference (optional)" }).FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        var created = page.GetByTestId("created-orders").GetByRole(AriaRole.Link);
        await Expect(created).ToHaveCountAsync(1);
        var number = (await created.InnerTextAsync()).Replace("Order ", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The clerk finds it on the desk, among the Sent orders waiting for acceptance.
        await SignInAsync(page, DemoUser.Clerk);
        await GoToMenuAsync(page, "Orders desk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders desk", Level = 1 })).ToBeVisibleAsync();
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter orders" });
        await filters.GetByLabel("Counterparty").SelectOptionAsync(new SelectOptionValue { Label = "Northwind Traders" });
        await filters.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Sent" });
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Orders" });
        var row = orders.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number }) });
        await Expect(row).ToContainTextAsync("To accept");
        await Expect(row).ToContainTextAsync(reference);
        await Expect(row).ToContainTextAsync("Northwind Traders");
        await ExpectAccessibleAsync(page);
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            // The README's picture of the orders desk, refreshed on purpose: UPDATE_SCREENSHOTS=1 dotnet test … --filter OrdersDeskTests.
            await filters.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "All" });
            await filters.GetByLabel("Counterparty").SelectOptionAsync(new SelectOptionValue { Label = "All" });
            await Expect(page.Locator(".fui-Spinner")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(E2EFixture.RepositoryRoot, "docs", "screenshot-orders-desk.png") });
            await filters.GetByLabel("Counterparty").SelectOptionAsync(new SelectOptionValue { Label = "Northwind Traders" });
        }

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {number}", Level = 1 })).ToBeVisibleAsync();
        var orderUrl = page.Url;
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("The order is accepted and in progress.");

        // A partial shipment: the form starts with everything pending; the clerk ships 4 of 10 spanners and no helmets yet.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record shipment" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record shipment" });
        var spanners = form.GetByRole(AriaRole.Textbox, new() { Name = "Quantity of Combination spanner 8 mm to ship" });
        await Expect(spanners).ToHaveValueAsync("10");
        await Expect(form.GetByRole(AriaRole.Textbox, new() { Name = "Quantity of Safety helmet, white to ship" })).ToHaveValueAsync("4");
        await ExpectAccessibleAsync(page);
        await spanners.FillAsync("4");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Quantity of Safety helmet, white to ship" }).FillAsync("0");
        await form.GetByLabel("Goods issue number").FillAsync("GI-" + reference);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record shipment" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Shipment GI-{reference} is recorded.");
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Order lines" });
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "Combination spanner 8 mm" })).ToContainTextAsync(new Regex(@"10 pcs\s*4\s*6"));
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The customer sees the order in progress with what was shipped and what is still pending.
        await SignInAsync(page, DemoUser.Dan);
        var orderId = orderUrl.Split('/').Last();
        await page.GotoAsync($"/purchases/orders/{orderId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("In progress");
        var customerLines = page.GetByRole(AriaRole.Table, new() { Name = "Order lines" });
        await Expect(customerLines.GetByRole(AriaRole.Row).Filter(new() { HasText = "Combination spanner 8 mm" })).ToContainTextAsync(new Regex(@"10 pcs\s*4\s*6"));
        await Expect(customerLines.GetByRole(AriaRole.Row).Filter(new() { HasText = "Safety helmet, white" })).ToContainTextAsync(new Regex(@"4 pcs\s*0\s*4"));
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_orders_desk_reads_on_a_360_px_phone() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk, "/manage/orders");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders desk", Level = 1 })).ToBeVisibleAsync();
        // On a phone the desk is a stack of cards, one per order.
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Orders" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The page scrolls sideways at 360 px; only the table's own region may.");
        await ExpectAccessibleAsync(page);
    }, width: 360, height: 740);
}
