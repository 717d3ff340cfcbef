using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// The Products cart page as the buyers' guide describes it: find products and drag them in, compare and swap, quick
/// order, repeat an order from the list, services at checkout; and the supplier's contacts on the Account page.
/// </summary>
public sealed class ProductsCartTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Products_are_dragged_from_the_cart_pages_finder_into_the_cart_or_added_by_keyboard() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "DELETE", "/api/favourites/HT-HAM-02");
        await GoToMenuAsync(page, "Products cart");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products cart", Level = 1 })).ToBeVisibleAsync();
        var finder = page.GetByTestId("finder-products");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("hammer");
        await Expect(finder.Locator("[data-sku='HT-HAM-01']")).ToBeVisibleAsync();
        await Expect(finder.Locator("[data-sku='HT-SPAN-01']")).ToHaveCountAsync(0);
        await ExpectAccessibleAsync(page);

        // Pointer: drag the card onto the cart.
        var cart = page.GetByTestId("cart-drop-zone");
        await finder.Locator("[data-sku='HT-HAM-01']").DragToAsync(cart);
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Cart lines", Exact = true });
        await Expect(lines).ToContainTextAsync("Claw hammer 16 oz");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Claw hammer 16 oz added to the cart." })).ToHaveCountAsync(1);

        // Keyboard only: from the product's link, Tab reaches its Add to cart button; Enter presses it.
        await finder.Locator("[data-sku='HT-HAM-02']").GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var addButton = finder.Locator("[data-sku='HT-HAM-02']").GetByRole(AriaRole.Button, new() { Name = "Add to cart" });
        await Expect(addButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(lines).ToContainTextAsync("Claw hammer 20 oz");

        // The star keeps a product among the favourites; the finder lists them, and the company's recent orders.
        await page.GetByRole(AriaRole.Button, new() { Name = "Favourite: Claw hammer 20 oz" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Favourite: Claw hammer 20 oz" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Favourites" }).ClickAsync();
        await Expect(finder.Locator("[data-sku='HT-HAM-02']")).ToBeVisibleAsync();
        await Expect(finder.Locator("[data-sku='HT-HAM-01']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Recently ordered" }).ClickAsync();
        await Expect(finder.Locator("[data-sku]").First).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task Two_cart_lines_are_compared_with_a_found_product_and_one_is_swapped_for_it() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Carla);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "PT-DRILL-01", quantity = 2, warehouseId = "central" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "PT-DRILL-03", quantity = 1, warehouseId = "central" });
        await GoToMenuAsync(page, "Products cart");

        var compareLines = page.GetByRole(AriaRole.Group, new() { Name = "Compare lines:" });
        await compareLines.GetByRole(AriaRole.Checkbox, new() { Name = "Cordless drill driver 18 V" }).CheckAsync();
        await compareLines.GetByRole(AriaRole.Checkbox, new() { Name = "Cordless drill driver 12 V" }).CheckAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Comparison of cart lines and products" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(3);
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Price (differs)" })).ToBeVisibleAsync();

        // A product found on the page joins the comparison.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("combi drill");
        await Expect(page.GetByTestId("finder-products").Locator("[data-sku]")).ToHaveCountAsync(1);
        var found = page.GetByTestId("finder-products").Locator("[data-sku='PT-DRILL-02']");
        await found.GetByRole(AriaRole.Checkbox, new() { Name = "Compare" }).CheckAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(4);
        await ExpectAccessibleAsync(page);

        await table.GetByRole(AriaRole.Button, new() { Name = "Put Cordless combi drill 18 V instead of Cordless drill driver 18 V" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Swap the cart line?" });
        await Expect(dialog).ToContainTextAsync("2 pcs of Cordless drill driver 18 V become 2 of Cordless combi drill 18 V");
        await ExpectAccessibleAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Swap" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Cordless drill driver 18 V swapped for Cordless combi drill 18 V." })).ToHaveCountAsync(1);
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Cart lines", Exact = true });
        await Expect(lines.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Cordless combi drill 18 V (pcs)" })).ToHaveValueAsync("2");
        await Expect(lines).Not.ToContainTextAsync("Cordless drill driver 18 V");
        await Expect(lines).ToContainTextAsync("Cordless drill driver 12 V");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task Repeat_order_from_the_list_row_says_which_line_moved_to_another_warehouse() => InBrowserAsync(async page =>
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (sku, name, stays) = ($"E2E-RPT-{run}", $"Wall bracket {run}", $"E2E-STAY-{run}");
        object Product(string productSku, int north) => new
        {
            sku = productSku, name = productSku == sku ? name : $"Corner bracket {run}", categoryId = "hand-tools", unit = "pcs", price = 4.50m,
            defaultWarehouseId = "central", stock = new { central = 20, north },
        };
        await SignInAsync(page, DemoUser.Clerk);
        await ApiAsync(page, "POST", "/api/manage/catalog/products", Product(sku, north: 10));
        await ApiAsync(page, "POST", "/api/manage/catalog/products", Product(stays, north: 10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, DemoUser.Carla);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku, quantity = 3, warehouseId = "north" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = stays, quantity = 1, warehouseId = "north" });
        await GoToMenuAsync(page, "Products cart");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        var created = page.GetByTestId("created-orders").GetByRole(AriaRole.Link);
        await Expect(created).ToHaveCountAsync(1);
        var number = (await created.InnerTextAsync()).Replace("Order ", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // North depot sells out of the bracket.
        await SignInAsync(page, DemoUser.Clerk);
        await ApiAsync(page, "POST", "/api/manage/catalog/products", Product(sku, north: 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, DemoUser.Carla);
        await GoToMenuAsync(page, "Orders");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Orders" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number }) });
        await Expect(row).ToContainTextAsync("Sent");
        await ExpectAccessibleAsync(page);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Repeat order {number}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products cart", Level = 1 })).ToBeVisibleAsync();
        var notice = page.Locator("main").GetByText("Ships from another warehouse now:").Locator("..");
        await Expect(notice).ToContainTextAsync($"{name} ({sku}): North depot → Central warehouse");
        await Expect(notice).Not.ToContainTextAsync(stays);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = $"Warehouse for {name}" })).ToHaveValueAsync("central");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = $"Warehouse for Corner bracket {run}" })).ToHaveValueAsync("north");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_cart_of_goods_from_two_warehouses_and_a_service_checks_out_into_three_orders() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Ben);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "HT-SPAN-01", quantity = 2, warehouseId = "central" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SF-HELM-01", quantity = 4, warehouseId = "north" });
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SV-FIT-HOUR", quantity = 1.5m });
        await GoToMenuAsync(page, "Products cart");
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Cart lines", Exact = true });
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fitter on site, per hour" })).ToContainTextAsync("Service · no warehouse");
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();

        await Expect(page.Locator("main").GetByText("Your cart was split into 3 orders: one per warehouse and one for the services.")).ToBeVisibleAsync();
        var created = page.GetByTestId("created-orders");
        await Expect(created.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Expect(created.GetByRole(AriaRole.Listitem).Nth(0)).ToContainTextAsync("from Central warehouse");
        await Expect(created.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("from North depot");
        await Expect(created.GetByRole(AriaRole.Listitem).Nth(2)).ToContainTextAsync("for the services");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_account_page_shows_the_suppliers_contacts_and_the_account_manager() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "My account");

        var contacts = page.GetByRole(AriaRole.Region, new() { Name = "Supplier contacts" });
        await Expect(contacts).ToContainTextAsync("Tailspin Supplies Ltd");
        await Expect(contacts.GetByRole(AriaRole.Link, new() { Name = "sales@tailspin.example" })).ToHaveAttributeAsync("href", "mailto:sales@tailspin.example");
        await Expect(contacts.GetByRole(AriaRole.Heading, new() { Name = "Your account manager" })).ToBeVisibleAsync();
        await Expect(contacts).ToContainTextAsync("Priya Natarajan");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_quick_order_paste_names_the_bad_line_and_adds_the_others_in_one_step() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Dan);
        await ApiAsync(page, "DELETE", "/api/cart");
        await GoToMenuAsync(page, "Products cart");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "SKU, quantity — one product a line" }).FillAsync("HT-SPAN-01, 2\nNO-SUCH-SKU, 1\nSF-HELM-02; 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check lines" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.List, new() { Name = "Lines not recognised" });
        await Expect(problems.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Line 2 (NO-SUCH-SKU): This product is not in your catalog."]);
        var recognised = page.GetByRole(AriaRole.Table, new() { Name = "Recognised lines" });
        await Expect(recognised.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add 2 lines to the cart" }).ClickAsync();

        var lines = page.GetByRole(AriaRole.Table, new() { Name = "Cart lines", Exact = true });
        await Expect(lines.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Combination spanner 8 mm (pcs)" })).ToHaveValueAsync("2");
        await Expect(lines.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity of Safety helmet, yellow (pcs)" })).ToHaveValueAsync("3");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "2 lines added to the cart." })).ToHaveCountAsync(1);
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_products_cart_page_reads_on_a_360_px_phone_with_the_cart_first() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await ApiAsync(page, "DELETE", "/api/cart");
        await ApiAsync(page, "POST", "/api/cart/lines", new { sku = "SV-INSTALL-LED", quantity = 2 });
        await page.GotoAsync("/purchases/cart");

        // On a phone the cart's lines are cards (a list), each with its own fields.
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Cart lines", Exact = true })).ToContainTextAsync("LED panel installation");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search products" }).FillAsync("LED panel");
        await Expect(page.GetByTestId("finder-products").Locator("[data-sku='EL-LED-01']")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 360px screen.");
        var cartTop = await page.GetByTestId("cart-drop-zone").BoundingBoxAsync();
        var finderTop = await page.GetByRole(AriaRole.Heading, new() { Name = "Find products" }).BoundingBoxAsync();
        Assert.True(cartTop!.Y < finderTop!.Y, "On a phone the cart comes before the finder.");
        await ExpectAccessibleAsync(page);
    }, width: 360, height: 740);
}
