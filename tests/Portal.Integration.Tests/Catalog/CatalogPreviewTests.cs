using Xunit.Abstractions;
using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Catalog;

/// <summary>
/// The preview of a catalog file: what applying it would change, worked out by the import's own whole-file check,
/// in a bounded number of storage requests, writing nothing.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CatalogPreviewTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string ProductHeader = "sku,name,categoryId,unit,price,defaultWarehouseId,stock:central\n";

    [Fact]
    public async Task A_product_file_preview_lists_new_and_changed_products_with_old_and_new_values_and_writes_nothing()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var s = Suffix();
        await Import(staff, ProductHeader + $"PV-{s}-1,Tile cutter 600 mm,hand-tools,pcs,49.00,central,10\nPV-{s}-2,Grout float,hand-tools,pcs,7.50,central,30\n");

        var file = ProductHeader +
                   $"PV-{s}-1,Tile cutter 600 mm,hand-tools,pcs,52.00,central,12\n" + // price and stock change
                   $"PV-{s}-2,Grout float,hand-tools,pcs,7.50,central,30\n" +         // unchanged
                   $"PV-{s}-3,Tile spacers 3 mm,hand-tools,bag,2.10,central,100\n";   // new
        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", file, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.StorageWrites());
        var preview = await response.ReadJsonAsync();
        Assert.Equal(3, preview.GetProperty("total").GetInt32());
        Assert.Equal(1, preview.GetProperty("newCount").GetInt32());
        Assert.Equal(1, preview.GetProperty("changedCount").GetInt32());
        Assert.Equal(1, preview.GetProperty("unchangedCount").GetInt32());
        Assert.Equal(200, preview.GetProperty("listLimit").GetInt32());
        var added = Assert.Single(preview.GetProperty("new").EnumerateArray());
        Assert.Equal($"PV-{s}-3", added.GetProperty("sku").GetString());
        Assert.Equal(4, added.GetProperty("line").GetInt32());
        var changed = Assert.Single(preview.GetProperty("changed").EnumerateArray());
        Assert.Equal(2, changed.GetProperty("line").GetInt32());
        var changes = changed.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("old").GetString(), c.GetProperty("new").GetString()));
        Assert.Equal(("49", "52.00"), (Normalise(changes["price"].Item1), changes["price"].Item2));
        Assert.Equal(("central: 10", "central: 12"), changes["stock"]);
        Assert.Equal(2, changes.Count);

        // Nothing was written: the new product does not exist and the changed one keeps its price.
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        await (await anna.GetAsync($"/api/products/PV-{s}-3")).AssertProblemAsync(HttpStatusCode.NotFound);
        var kept = await (await anna.GetAsync($"/api/products/PV-{s}-1")).ReadJsonAsync();
        Assert.Equal(49m, kept.GetProperty("price").GetProperty("amount").GetDecimal());

        // Applying the same file and previewing it again: nothing left to change.
        await Import(staff, file);
        var again = await (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", file, "text/csv")).ReadJsonAsync();
        Assert.Equal(3, again.GetProperty("unchangedCount").GetInt32());
    }

    [Fact]
    public async Task A_preview_costs_the_same_few_storage_requests_for_3_lines_as_for_2000()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var s = Suffix();
        var small = ProductHeader + string.Concat(Enumerable.Range(1, 3).Select(i => $"PB-{s}-{i},Bench product {i},hand-tools,pcs,1.00,central,1\n"));
        var large = ProductHeader + string.Concat(Enumerable.Range(1, 2000).Select(i => $"PB-{s}-{i},Bench product {i},hand-tools,pcs,1.00,central,1\n"));
        // The first call may load the catalog snapshot (three queries); the figures below are what every later preview costs.
        (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", small, "text/csv")).EnsureSuccessStatusCode();

        var a = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", small, "text/csv");
        var b = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", large, "text/csv");

        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        var preview = await b.ReadJsonAsync();
        Assert.Equal(2000, preview.GetProperty("newCount").GetInt32());
        Assert.Equal(200, preview.GetProperty("new").GetArrayLength()); // listed up to the limit; counted in full
        output.WriteLine($"Preview storage requests: 3 lines {a.StorageRequests()}, 2000 lines {b.StorageRequests()} (writes {a.StorageWrites() + b.StorageWrites()})");
        Assert.Equal(a.StorageRequests(), b.StorageRequests());
        Assert.True(b.StorageRequests() <= 4, $"A preview made {b.StorageRequests()} storage requests.");
        Assert.Equal(0, a.StorageWrites() + b.StorageWrites());
    }

    [Fact]
    public async Task A_bad_file_gets_the_same_per_line_problem_details_as_the_import_and_nothing_is_written()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var s = Suffix();
        var csv = "sku,name,categoryId,unit,price,defaultWarehouseId\n" +
                  $"PX-{s}-1,Good product,hand-tools,pcs,1.00,central\n" +
                  $"PX-{s}-2,Bad category,no-such-category,pcs,1.00,central\n" +
                  $"PX-{s}-3,Bad price,hand-tools,pcs,-4,central\n" +
                  $"PX-{s}-4,Unreadable price,hand-tools,pcs,twelve,central\n";

        var refused = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", csv, "text/csv");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, refused.StorageWrites());
        // A line that cannot be read at all is reported first, on its own.
        Assert.Contains("line 5", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var readable = string.Join('\n', csv.Split('\n')[..4]) + "\n";
        var checkedFile = await (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", readable, "text/csv"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var fields = checkedFile.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("line 3: categoryId", fields);
        Assert.Contains("line 4: price", fields);
        Assert.Contains("nothing was imported", checkedFile.GetProperty("detail").GetString());

        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        await (await anna.GetAsync($"/api/products/PX-{s}-1")).AssertProblemAsync(HttpStatusCode.NotFound);

        var wrongType = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", "{}", "application/json");
        await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var empty = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import/preview", "sku,name\n", "text/csv");
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_sku_spelled_differently_from_the_catalog_is_refused_rather_than_made_a_second_product()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var s = Suffix();
        await Import(staff, ProductHeader + $"PC-{s}-A,Chisel set,hand-tools,pcs,19.00,central,5\n");

        var file = ProductHeader + $"pc-{s}-a,Chisel set,hand-tools,pcs,21.00,central,5\n";
        foreach (var route in new[] { "products/import/preview", "products/import" })
        {
            var response = await staff.SendRawAsync(HttpMethod.Post, $"/api/manage/catalog/{route}", file, "text/csv");
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains($"PC-{s}-A", problem.GetProperty("errors").GetProperty("line 2: sku")[0].GetString());
            Assert.Equal(0, response.StorageWrites());
        }
    }

    [Fact]
    public async Task A_price_file_preview_lists_new_changed_and_removed_prices_and_writes_nothing()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString();
        (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import",
            $"counterpartyId,sku,price\n{counterpartyId},HT-HAM-02,9.99\n{counterpartyId},PT-DRILL-01,80\n", "text/csv")).EnsureSuccessStatusCode();

        var file = "counterpartyId,sku,price\n" +
                   $"{counterpartyId},HT-HAM-02,10.49\n" + // changed
                   $"{counterpartyId},PT-DRILL-01,\n" +     // removed
                   $"{counterpartyId},ht-ham-03,12\n" +    // new (the catalog's spelling is used)
                   $"{counterpartyId},HT-HAM-04,\n";       // removing a price it does not have: unchanged
        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import/preview", file, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.StorageWrites());
        var preview = await response.ReadJsonAsync();
        Assert.Equal((1, 1, 1, 1), (preview.GetProperty("newCount").GetInt32(), preview.GetProperty("changedCount").GetInt32(),
            preview.GetProperty("removedCount").GetInt32(), preview.GetProperty("unchangedCount").GetInt32()));
        var changed = Assert.Single(preview.GetProperty("changed").EnumerateArray());
        Assert.Equal(("HT-HAM-02", "9.99", "10.49"), (changed.GetProperty("sku").GetString(), changed.GetProperty("oldPrice").GetString(), changed.GetProperty("newPrice").GetString()));
        Assert.False(string.IsNullOrEmpty(changed.GetProperty("counterpartyName").GetString()));
        var removed = Assert.Single(preview.GetProperty("removed").EnumerateArray());
        Assert.Equal("80", removed.GetProperty("oldPrice").GetString());
        Assert.False(removed.TryGetProperty("newPrice", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Equal("HT-HAM-03", Assert.Single(preview.GetProperty("new").EnumerateArray()).GetProperty("sku").GetString());

        var price = (await (await client.GetAsync("/api/products/HT-HAM-02")).ReadJsonAsync()).GetProperty("price").GetProperty("amount").GetDecimal();
        Assert.Equal(9.99m, price);

        var bad = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import/preview", "counterpartyId,sku,price\nno-such-company,NOPE,1\n", "text/csv");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 2: counterpartyId", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, bad.StorageWrites());
    }

    [Fact]
    public async Task Staff_list_categories_and_warehouses_with_versions_and_create_or_change_them_only_as_asked()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var id = "cat-" + Suffix().ToLowerInvariant();

        var created = await Send(staff, "categories", new { id, name = "Tiling", sortOrder = 40 }, ifNoneMatch: "*");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var version = created.Headers.ETag!.ToString();
        Assert.Equal(version, (await created.ReadJsonAsync()).GetProperty("version").GetString());

        // Creating the same id again is refused rather than overwriting it.
        var twice = await Send(staff, "categories", new { id, name = "Other", sortOrder = 1 }, ifNoneMatch: "*");
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, twice.StorageWrites());

        var listed = await (await staff.GetAsync("/api/manage/catalog/categories")).ReadJsonAsync();
        var row = listed.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(("Tiling", 40, version), (row.GetProperty("name").GetString(), row.GetProperty("sortOrder").GetInt32(), row.GetProperty("version").GetString()));

        var renamed = await Send(staff, "categories", new { id, name = "Tiling and grout", sortOrder = 40 }, ifMatch: version);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        // A change made on the old version is stale.
        var stale = await Send(staff, "categories", new { id, name = "Tiles", sortOrder = 40 }, ifMatch: version);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(0, stale.StorageWrites());
        var both = await Send(staff, "categories", new { id, name = "Tiles", sortOrder = 40 }, ifMatch: version, ifNoneMatch: "*");
        await both.AssertProblemAsync(HttpStatusCode.BadRequest);

        // Customers see the new name (through this instance at once).
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/api/categories")).StatusCode);

        // Warehouses: an existing one (a new one would show in every product's availability for the other tests).
        var taken = await Send(staff, "warehouses", new { id = "central", name = "Someone else's", city = "Nowhere" }, ifNoneMatch: "*");
        await taken.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, taken.StorageWrites());
        var warehouses = await (await staff.GetAsync("/api/manage/catalog/warehouses")).ReadJsonAsync();
        var central = warehouses.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "central");
        var (name, city) = (central.GetProperty("name").GetString()!, central.GetProperty("city").GetString()!);
        var edited = await Send(staff, "warehouses", new { id = "central", name, city = "Graz" }, ifMatch: central.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Graz", (await edited.ReadJsonAsync()).GetProperty("city").GetString());
        await (await Send(staff, "warehouses", new { id = "central", name, city = "Linz" }, ifMatch: central.GetProperty("version").GetString()))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        // Without either header the route is the ERP's upsert, as before (and puts the warehouse back as it was).
        Assert.Equal(HttpStatusCode.OK, (await Send(staff, "warehouses", new { id = "central", name, city })).StatusCode);

        // Customers are refused the staff lists.
        await (await anna.GetAsync("/api/manage/catalog/categories")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anna.GetAsync("/api/manage/catalog/warehouses")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> Send(PortalClient staff, string what, object body, string? ifMatch = null, string? ifNoneMatch = null) =>
        staff.SendRawAsync(HttpMethod.Post, $"/api/manage/catalog/{what}", JsonSerializer.Serialize(body), "application/json", ifMatch,
            ifNoneMatch is null ? null : r => r.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));

    private static async Task Import(PortalClient staff, string csv) =>
        (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", csv, "text/csv")).EnsureSuccessStatusCode();

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static string? Normalise(string? value) => value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
