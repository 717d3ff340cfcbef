using System.Net;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Catalog;

[Collection(PortalCollection.Name)]
public sealed class CatalogImportTests(PortalFixture fixture)
{
    [Fact]
    public async Task Products_import_from_csv_with_stock_and_characteristics_columns()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = "sku,name,categoryId,unit,unitPrecision,price,defaultWarehouseId,stock:central,stock:north,char:Colour,char:Length\n" +
                  $"CSV-{suffix}-1,\"Tape measure 5 m, \"\"pro\"\"\",hand-tools,pcs,0,12.90,central,40,5,Yellow,5 m\n" +
                  $"CSV-{suffix}-2,Builder's line 50 m,hand-tools,roll,0,3.25,north,,12,Orange,50 m\n";

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("imported").GetInt32());
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        var product = await (await anna.GetAsync($"/api/products/CSV-{suffix}-1")).ReadJsonAsync();
        Assert.Equal("Tape measure 5 m, \"pro\"", product.GetProperty("name").GetString());
        Assert.Equal(40m, product.GetProperty("availability").EnumerateArray().Single(a => a.GetProperty("warehouseId").GetString() == "central").GetProperty("quantity").GetDecimal());
        Assert.Contains(product.GetProperty("characteristics").EnumerateArray(), c => c.GetProperty("name").GetString() == "Length" && c.GetProperty("value").GetString() == "5 m");
    }

    [Fact]
    public async Task Products_import_from_ndjson_and_importing_again_changes_nothing_new()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var sku = "ND-" + Guid.NewGuid().ToString("N")[..6];
        var ndjson = $"{{\"sku\":\"{sku}\",\"name\":\"Spirit level 600 mm\",\"categoryId\":\"hand-tools\",\"unit\":\"pcs\",\"price\":18.5,\"defaultWarehouseId\":\"central\"}}\n";

        Assert.Equal(HttpStatusCode.OK, (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", ndjson, "application/x-ndjson")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", ndjson, "application/x-ndjson")).StatusCode);

        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        var found = await (await anna.GetAsync($"/api/products?search={sku}")).ReadJsonAsync();
        Assert.Equal(1, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task One_bad_line_refuses_the_whole_file_and_names_the_line()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var good = "GOOD-" + Guid.NewGuid().ToString("N")[..6];
        var csv = "sku,name,categoryId,unit,price,defaultWarehouseId\n" +
                  $"{good},Good product,hand-tools,pcs,1.00,central\n" +
                  "BAD-1,Bad product,no-such-category,pcs,1.00,central\n" +
                  "BAD-2,Worse product,hand-tools,pcs,-4,central\n";

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", csv, "text/csv");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        // Lines of the file, as a spreadsheet numbers its rows: the header is line 1.
        Assert.Contains("line 3: categoryId", fields);
        Assert.Contains("line 4: price", fields);
        Assert.Equal(0, response.StorageWrites());
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        await (await anna.GetAsync($"/api/products/{good}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Counterparty_prices_import_from_csv_and_an_empty_price_restores_the_list_price()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString();
        var listPrice = (await (await client.GetAsync("/api/products/HT-HAM-02")).ReadJsonAsync()).GetProperty("price").GetProperty("amount").GetDecimal();

        (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import", $"counterpartyId,sku,price\n{counterpartyId},HT-HAM-02,9.99\n", "text/csv")).EnsureSuccessStatusCode();
        var special = (await (await client.GetAsync("/api/products/HT-HAM-02")).ReadJsonAsync()).GetProperty("price").GetProperty("amount").GetDecimal();
        (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import", $"counterpartyId,sku,price\n{counterpartyId},HT-HAM-02,\n", "text/csv")).EnsureSuccessStatusCode();
        var restored = (await (await client.GetAsync("/api/products/HT-HAM-02")).ReadJsonAsync()).GetProperty("price").GetProperty("amount").GetDecimal();

        Assert.Equal(9.99m, special);
        Assert.Equal(listPrice, restored);
        await (await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import", "counterpartyId,sku,price\nnobody,HT-HAM-02,1\n", "text/csv"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("sku,name\n", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("{not json}\n", "application/x-ndjson", HttpStatusCode.BadRequest)]
    [InlineData("sku,name,categoryId,unit,price,defaultWarehouseId\nX,Y,hand-tools,pcs,twelve,central\n", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("{}", "application/json", HttpStatusCode.UnsupportedMediaType)]
    public async Task Unreadable_import_files_are_refused_and_write_nothing(string body, string contentType, HttpStatusCode expected)
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", body, contentType);

        await response.AssertProblemAsync(expected);
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task An_ndjson_line_with_a_wrong_type_is_explained_by_field_without_internal_type_names()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var ndjson = "{\"sku\":\"TY-1\",\"name\":\"Tape\",\"categoryId\":\"hand-tools\",\"unit\":\"pcs\",\"price\":\"cheap\",\"defaultWarehouseId\":\"central\"}\n";

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", ndjson, "application/x-ndjson");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("line 1")[0].GetString()!;
        Assert.Contains("price", message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("Portal.", message);
        Assert.Equal(0, response.StorageWrites());
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2.5")]
    [InlineData("-1")]
    public async Task A_unit_precision_that_is_not_a_small_whole_number_is_refused_in_csv_as_in_json(string precision)
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var csv = $"sku,name,categoryId,unit,unitPrecision,price,defaultWarehouseId\nPR-{Guid.NewGuid():N}"[..60] + $",Rope,hand-tools,m,{precision},2.5,central\n";

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", csv, "text/csv");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task A_price_file_that_names_a_product_twice_or_an_unknown_product_is_refused_whole()
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var twice = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import",
            "counterpartyId,sku,price\ncontoso,HT-HAM-02,10\ncontoso,ht-ham-02,11\n", "text/csv");
        var unknown = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import",
            "counterpartyId,sku,price\ncontoso,HT-HAM-02,10\ncontoso,NO-SUCH-SKU,11\n", "text/csv");

        var problem = await twice.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 3: sku", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, twice.StorageWrites() + unknown.StorageWrites());
    }

    [Fact]
    public async Task Removing_a_price_the_counterparty_does_not_have_is_nothing_to_do_and_can_be_sent_again()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var file = "counterpartyId,sku,price\nfabrikam,SF-HELM-03,\n";

        var first = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import", file, "text/csv");
        var again = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/prices/import", file, "text/csv");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
