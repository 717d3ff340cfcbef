using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The company side of the Catalog: a clerk loads a product file after seeing what it changes, and keeps categories.</summary>
public sealed class ManageCatalogTests(E2EFixture fixture) : BrowserTest(fixture)
{
    private const string Header = "sku,name,categoryId,unit,price,defaultWarehouseId,stock:central\n";

    [Fact]
    public Task A_clerk_previews_and_applies_a_product_file_and_a_bad_file_gets_a_per_line_report_and_writes_nothing() => InBrowserAsync(async page =>
    {
        var s = Random.Shared.Next(100_000, 1_000_000);
        var existing = $"E2E-TC-{s}";
        var added = $"E2E-TS-{s}";
        await SignInAsync(page, DemoUser.Clerk);
        // A product the file will change, so the preview has one new and one changed line.
        await ApiAsync(page, "POST", "/api/manage/catalog/products", new
        {
            sku = existing, name = "Tile cutter 600 mm", categoryId = "hand-tools", unit = "pcs", price = 49.00m, defaultWarehouseId = "central",
            stock = new Dictionary<string, decimal> { ["central"] = 10 },
        });

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await menu.GetByRole(AriaRole.List, new() { Name = "Catalog" }).GetByRole(AriaRole.Link, new() { Name = "Catalog files" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalog files", Level = 1 })).ToBeFocusedAsync();
        await ExpectAccessibleAsync(page);

        await page.GetByLabel("File (CSV or NDJSON)").SetInputFilesAsync(Csv("spring-products.csv",
            Header + $"{existing},Tile cutter 600 mm,hand-tools,pcs,52.00,central,12\n{added},Tile spacers 3 mm,hand-tools,bag,2.10,central,100\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview changes" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "What this file changes" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What this file changes" })).ToBeFocusedAsync();
        await Expect(preview).ToContainTextAsync("2 products in the file: 1 new, 1 changed, 0 unchanged.");
        await Expect(preview.GetByRole(AriaRole.Table, new() { Name = "New products" })).ToContainTextAsync(added);
        var changed = preview.GetByRole(AriaRole.Table, new() { Name = "Changed products" });
        await Expect(changed).ToContainTextAsync(existing);
        await Expect(changed).ToContainTextAsync("Price: 49.00 → 52.00");
        await Expect(changed).ToContainTextAsync("Stock: central: 10 → central: 12");
        await ExpectAccessibleAsync(page);

        // Nothing is written before Apply: previewing again still finds the product new. The click leaves focus on
        // the button; the page moves it to the heading only once the new preview has arrived, so wait for that
        // before reading the preview (the old one's text is the same).
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What this file changes" })).ToBeFocusedAsync();
        await Expect(preview).ToContainTextAsync("2 products in the file: 1 new, 1 changed, 0 unchanged.");

        // Apply by keyboard.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the file (2 changes)" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToContainTextAsync("2 products imported.");
        await ExpectAccessibleAsync(page);

        // A bad file: per-line report, nothing written.
        var bad = $"E2E-BAD-{s}";
        await page.GetByLabel("File (CSV or NDJSON)").SetInputFilesAsync(Csv("broken.csv",
            Header + $"{bad},Good line,hand-tools,pcs,1.00,central,1\n{bad}-2,Unknown category,tiles,pcs,1.00,central,1\n{bad}-3,Negative price,hand-tools,pcs,-4,central,1\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Problems in the file" })).ToBeFocusedAsync();
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Problems by line" });
        await Expect(problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "No category 'tiles'" })).ToContainTextAsync("3Category");
        await Expect(problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "Enter a price from 0" })).ToContainTextAsync("4Price");
        await Expect(page.Locator("main")).ToContainTextAsync("The file was refused; nothing was written.");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Apply") })).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the report (CSV)" }).ClickAsync());
        Assert.Equal("broken-problems.csv", download.SuggestedFilename);
        var report = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("3,categoryId,No category 'tiles'; create it first.", report);
        await ExpectAccessibleAsync(page);

        // The customer finds the new product in the catalog, and nothing from the bad file.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, DemoUser.Anna, $"/purchases/catalog?search={added}");
        await Expect(page.Locator("main")).ToContainTextAsync("Tile spacers 3 mm");
        Assert.Equal(52.00m, (await ApiAsync(page, "GET", $"/api/products/{existing}")).GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/api/products/{bad}")).Status);
    });

    [Fact]
    public Task A_clerk_creates_and_renames_a_category_by_keyboard_on_a_360_px_phone() => InBrowserAsync(async page =>
    {
        var id = $"e2e-{Random.Shared.Next(100_000, 1_000_000)}";
        await SignInAsync(page, DemoUser.Clerk, "/manage/catalog/categories-and-warehouses");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Categories and warehouses", Level = 1 })).ToBeVisibleAsync();
        // On a phone each category and warehouse is a card.
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Warehouses" })).ToContainTextAsync("central");
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "New category" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New category" });
        await dialog.GetByLabel("Id").FillAsync(id);
        await dialog.GetByLabel("Name").FillAsync("Tiling");
        await ExpectAccessibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        var categories = page.GetByRole(AriaRole.List, new() { Name = "Categories" });
        await Expect(categories).ToContainTextAsync(id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Tiling" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit category Tiling" });
        await edit.GetByLabel("Name").FillAsync("Tiling and grout");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(categories).ToContainTextAsync("Tiling and grout");
        await Expect(page.Locator("main")).ToContainTextAsync("Category Tiling and grout saved.");
        await ExpectAccessibleAsync(page);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 360px screen.");

        await page.GotoAsync("/manage/catalog/files");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalog files", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The files page is {overflow}px wider than a 360px screen.");
    }, width: 360, height: 740);

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
