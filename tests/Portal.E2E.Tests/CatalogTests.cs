using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The Catalog feature: search, product detail, comparison, and the ways from the catalog into the cart.</summary>
public sealed class CatalogTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Search_drag_a_product_into_the_cart_add_another_by_keyboard_and_compare_three() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await ApiAsync(page, "DELETE", "/api/cart");
        await GoToMenuAsync(page, "Catalog");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalog", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("hammer");
        var products = page.GetByRole(AriaRole.List, new() { Name = "Products found" });
        await Expect(products.GetByRole(AriaRole.Heading, new() { Name = "Claw hammer 16 oz" })).ToBeVisibleAsync();
        await Expect(products).Not.ToContainTextAsync("Combination spanner");
        await ExpectAccessibleAsync(page);

        // Pointer: drag the card onto the cart.
        var cart = page.GetByTestId("cart-drop-zone");
        await page.Locator("[data-sku='HT-HAM-01']").DragToAsync(cart);
        await Expect(cart.GetByRole(AriaRole.List, new() { Name = "Cart lines" })).ToContainTextAsync("Claw hammer 16 oz");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Claw hammer 16 oz added to the cart." })).ToHaveCountAsync(1);

        // Keyboard only: from the product's link, Tab reaches its Add to cart button; Enter presses it.
        await page.Locator("[data-sku='HT-HAM-02']").GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var addButton = page.Locator("[data-sku='HT-HAM-02']").GetByRole(AriaRole.Button, new() { Name = "Add to cart" });
        await Expect(addButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(cart.GetByRole(AriaRole.List, new() { Name = "Cart lines" })).ToContainTextAsync("Claw hammer 20 oz");
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Products cart (2)");

        // Compare three, ticking the boxes with the keyboard.
        foreach (var sku in new[] { "HT-HAM-01", "HT-HAM-02", "HT-HAM-03" })
        {
            await page.Locator($"[data-sku='{sku}']").GetByRole(AriaRole.Checkbox, new() { Name = "Compare" }).FocusAsync();
            await page.Keyboard.PressAsync("Space");
        }
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Products to compare" })).ToContainTextAsync("3 selected");
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare selected" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Product comparison" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(4);
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Price (differs)" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Warranty", Exact = true })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await table.GetByRole(AriaRole.Button, new() { Name = "Add to cart: Club hammer 2.5 lb" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Products cart (3)");

        // The cart is kept on the server: it survives a reload and signing out and in again.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Products cart (3)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, DemoUser.Anna, "/purchases/catalog");
        await Expect(page.GetByTestId("cart-drop-zone").GetByRole(AriaRole.List, new() { Name = "Cart lines" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
    });

    [Fact]
    public Task Product_detail_shows_characteristics_price_and_availability_per_warehouse() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna, "/purchases/catalog?search=combi%20drill");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cordless combi drill 18 V" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cordless combi drill 18 V", Level = 1 })).ToBeFocusedAsync();
        var characteristics = page.GetByRole(AriaRole.Table, new() { Name = "Characteristics" });
        await Expect(characteristics.GetByRole(AriaRole.Rowheader, new() { Name = "Max torque" })).ToBeVisibleAsync();
        var availability = page.GetByRole(AriaRole.Region, new() { Name = "Availability by warehouse" });
        foreach (var warehouse in new[] { "Central warehouse", "North depot", "South depot" })
        {
            await Expect(availability).ToContainTextAsync(warehouse);
        }
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_restricted_user_does_not_see_restricted_categories() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Dan, "/purchases/catalog");
        var category = page.GetByRole(AriaRole.Combobox, new() { Name = "Category" });
        await Expect(category.Locator("option")).ToHaveTextAsync(["All categories", "Hand tools", "Power tools", "Safety equipment"]);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Products found" })).Not.ToContainTextAsync("cable");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("cable");
        await Expect(page.Locator("main").GetByText("No products match “cable”")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await page.GotoAsync("/purchases/catalog/EL-CAB-01");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });
}
