using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The Ordering feature: the cart, creating orders, the orders and the orders statement.</summary>
public sealed class OrderingTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Two_warehouses_in_the_cart_create_two_orders_with_status_Sent() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Carla);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "HT-SPAN-01", quantity = 2, warehouseId = "central" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SF-HELM-01", quantity = 3, warehouseId = "central" });
        await GoToMenuAsync(page, "Products cart");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products cart", Level = 1 })).ToBeVisibleAsync();

        // Quantities and warehouses are edited in the table itself.
        var quantity = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Combination spanner 8 mm (pcs)" });
        await quantity.FillAsync("5");
        await quantity.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "quantity 5 pcs" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Warehouse for Safety helmet, white" }).SelectOptionAsync(new SelectOptionValue { Label = "North depot" });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "now ships from North depot" })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your reference (optional)" }).FillAsync("E2E-2WH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(page.Locator("main").GetByText("Your cart was split by warehouse into 2 orders.")).ToBeVisibleAsync();
        var created = page.GetByTestId("created-orders").GetByRole(AriaRole.Link);
        await Expect(created).ToHaveCountAsync(2);
        var numbers = (await created.AllInnerTextsAsync()).Select(t => t.Replace("Order ", "")).ToList();
        await ExpectAccessibleAsync(page);

        await GoToMenuAsync(page, "Orders");
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Orders" });
        foreach (var number in numbers)
        {
            var row = orders.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number }) });
            await Expect(row).ToContainTextAsync("Sent");
            await Expect(row).ToContainTextAsync("E2E-2WH");
        }
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task Repeat_order_puts_its_lines_in_the_cart_for_review() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Ben);
        await ApiAsync(page, "DELETE", "/api/cart");
        await GoToMenuAsync(page, "Orders");
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Orders" });
        await Expect(orders.GetByRole(AriaRole.Columnheader, new() { Name = "Lifecycle status" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        var first = orders.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link);
        var number = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Order lines" }).GetByRole(AriaRole.Columnheader, new() { Name = "Pending" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Repeat order" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products cart", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main").GetByText(new Regex($"added from order {Regex.Escape(number)}\\. Review the cart"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Cart lines" }).GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(1);
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task Another_customers_order_address_shows_not_found() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        var annasOrders = await ApiAsync(page, "GET", "/api/orders");
        var orderId = annasOrders.GetProperty("items")[0].GetProperty("id").GetString();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, DemoUser.Ben, $"/purchases/orders/{orderId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Order not found", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not found." })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_cart_change_from_another_tab_is_explained_and_not_lost() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Dan);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SF-GOGG-01", quantity = 1 });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "HT-SCR-SET", quantity = 1 });
        await page.GotoAsync("/purchases/cart");
        var goggles = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Safety goggles, anti-fog (pcs)" });
        await Expect(goggles).ToHaveValueAsync("1");

        // Another tab changes the cart; this tab still holds the old version.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/purchases/cart");
        var otherSet = other.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Screwdriver set, 12 pieces (set)" });
        await otherSet.FillAsync("4");
        await otherSet.PressAsync("Enter");
        await Expect(other.GetByRole(AriaRole.Status).Filter(new() { HasText = "quantity 4 set" })).ToHaveCountAsync(1);
        await other.CloseAsync();

        await goggles.FillAsync("6");
        await goggles.PressAsync("Enter");
        await Expect(page.Locator("main").GetByText("The cart had been changed in another tab or window. Your change was made on the latest version.")).ToBeVisibleAsync();
        await Expect(goggles).ToHaveValueAsync("6");
        await Expect(page.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Screwdriver set, 12 pieces (set)" })).ToHaveValueAsync("4");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_orders_statement_lists_what_is_still_pending() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "Orders statement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders statement", Level = 1 })).ToBeVisibleAsync();
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Orders statement" });
        await Expect(report.GetByRole(AriaRole.Columnheader, new() { Name = "Pending" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });
}
