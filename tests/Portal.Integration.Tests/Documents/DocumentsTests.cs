using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Documents;

[Collection(PortalCollection.Name)]
public sealed class DocumentsTests(PortalFixture fixture)
{
    private static readonly string[] Types = ["quotations", "invoices", "tax-invoices", "goods-issues", "goods-returns", "credit-notes", "reconciliation-statements"];

    private BlobContainerClient Container(string name) => new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient(name);

    private static object Invoice(string date, string? status = null, string? due = null, object[]? related = null, int lines = 1) => new
    {
        date, status, dueDate = due, related = related ?? [],
        lines = Enumerable.Range(1, lines).Select(i => new { sku = $"SKU-{i}", name = $"Product number {i} with a fairly long descriptive name", unit = "pcs", quantity = i, unitPrice = 2.5m }).ToArray(),
    };

    [Fact]
    public async Task Every_type_is_upserted_by_number_and_sending_the_same_body_again_writes_nothing()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        foreach (var type in Types)
        {
            var body = new { date = "2026-11-02", lines = new[] { new { name = "Cable drum", quantity = 2, unitPrice = 40m } }, notes = "First" };
            var created = await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/{type}/DOC-1", body);
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.True(created.StorageWrites() > 0);

            var again = await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/{type}/DOC-1", body);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(0, again.StorageWrites());

            var changed = await (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/{type}/DOC-1", body with { notes = "Second" })).ReadJsonAsync();
            Assert.Equal("Second", changed.GetProperty("notes").GetString());

            var list = await (await customer.GetAsync($"/api/documents/{type}")).ReadJsonAsync();
            var item = Assert.Single(list.GetProperty("items").EnumerateArray());
            Assert.Equal(("DOC-1", 80m, type), (item.GetProperty("number").GetString(), item.GetProperty("total").GetProperty("amount").GetDecimal(), item.GetProperty("type").GetString()));
            var detail = await (await customer.GetAsync($"/api/documents/{type}/{item.GetProperty("id").GetString()}")).ReadJsonAsync();
            Assert.Equal("Second", detail.GetProperty("notes").GetString());
            Assert.Equal("Cable drum", detail.GetProperty("lines")[0].GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task A_list_is_newest_first_paged_and_filtered_by_date_status_overdue_and_number()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 1; i <= 7; i++)
        {
            var status = i % 3 == 0 ? "paid" : "unpaid";
            var due = today.AddDays(i <= 2 ? -3 : 10).ToString("yyyy-MM-dd");
            (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/invoices/INV-{i:D3}",
                Invoice(new DateOnly(2026, 10, i).ToString("yyyy-MM-dd"), status, due))).EnsureSuccessStatusCode();
        }
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var first = await (await customer.GetAsync("/api/documents/invoices?pageSize=3")).ReadJsonAsync();
        Assert.Equal(["INV-007", "INV-006", "INV-005"], Numbers(first));
        var second = await (await customer.GetAsync("/api/documents/invoices?pageSize=3&continuation=" + Uri.EscapeDataString(first.GetProperty("continuation").GetString()!))).ReadJsonAsync();
        Assert.Equal(["INV-004", "INV-003", "INV-002"], Numbers(second));

        Assert.Equal(["INV-004", "INV-003", "INV-002"], Numbers(await (await customer.GetAsync("/api/documents/invoices?from=2026-10-02&to=2026-10-04")).ReadJsonAsync()));
        Assert.Equal(["INV-006", "INV-003"], Numbers(await (await customer.GetAsync("/api/documents/invoices?status=paid")).ReadJsonAsync()));
        var overdue = await (await customer.GetAsync("/api/documents/invoices?overdue=true")).ReadJsonAsync();
        Assert.Equal(["INV-002", "INV-001"], Numbers(overdue));
        Assert.All(overdue.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("overdue").GetBoolean()));
        Assert.Equal(["INV-005"], Numbers(await (await customer.GetAsync("/api/documents/invoices?number=INV-005")).ReadJsonAsync()));

        await (await customer.GetAsync("/api/documents/invoices?status=lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.GetAsync("/api/documents/invoices?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/api/documents/receipts")).StatusCode);
    }

    [Fact]
    public async Task A_500_line_invoice_is_kept_whole_and_read_in_one_request()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/invoices/INV-BIG", Invoice("2026-11-01", lines: 500))).EnsureSuccessStatusCode();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var id = (await (await customer.GetAsync("/api/documents/invoices")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var response = await customer.GetAsync($"/api/documents/invoices/{id}");
        var invoice = await response.ReadJsonAsync();

        Assert.Equal(500, invoice.GetProperty("lines").GetArrayLength());
        Assert.Equal("SKU-500", invoice.GetProperty("lines")[499].GetProperty("sku").GetString());
        Assert.Equal(Enumerable.Range(1, 500).Sum() * 2.5m, invoice.GetProperty("total").GetProperty("amount").GetDecimal());
        // The document, its file and its "referenced by" rows are one range query (the session is cached): a call
        // that finds the session cache expired still stays within two.
        Assert.Equal(1, response.StorageRequests());
    }

    [Fact]
    public async Task A_quotation_of_100_lines_with_long_names_is_issued_and_read_whole()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lines = Enumerable.Range(1, 100).Select(i => new { sku = $"SKU-{i:D3}", name = $"{i}: " + new string('n', 190), unit = "pcs", quantity = i, unitPrice = 12.5m }).ToArray();

        var issued = await staff.PutJsonAsync($"/api/manage/quotations/{counterparty}/QT-100", new { date = today, validUntil = today.AddDays(30), lines });

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var id = (await (await customer.GetAsync("/api/documents/quotations")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var quotation = await (await customer.GetAsync($"/api/documents/quotations/{id}")).ReadJsonAsync();
        Assert.Equal(100, quotation.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Related_documents_link_both_ways_and_orders_by_their_number()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        var invoices = await (await anna.GetAsync("/api/documents/invoices?number=INV-2026-0001")).ReadJsonAsync();
        var invoiceId = invoices.GetProperty("items")[0].GetProperty("id").GetString();
        var invoice = await (await anna.GetAsync($"/api/documents/invoices/{invoiceId}")).ReadJsonAsync();

        var order = invoice.GetProperty("related").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "orders");
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/api/orders/{order.GetProperty("id").GetString()}")).StatusCode);
        var taxInvoice = invoice.GetProperty("related").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "tax-invoices");
        var back = await (await anna.GetAsync($"/api/documents/tax-invoices/{taxInvoice.GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Contains(back.GetProperty("referencedBy").EnumerateArray(), r => r.GetProperty("id").GetString() == invoiceId);
    }

    [Fact]
    public async Task A_file_uploaded_before_its_data_is_linked_when_the_data_arrives_and_downloads_through_a_short_read_only_link()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        var bytes = "%PDF-1.4 test invoice"u8.ToArray();
        // Exactly as a supplier's tool would: the storage SDK against the storage account, no portal code.
        await Container("documents").GetBlobClient($"{counterparty}/invoices/INV-F1.pdf").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the file is handled before the data exists

        using var staff = await fixture.SignInAsStaffAsync();
        var saved = await (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/invoices/INV-F1", Invoice("2026-11-03"))).ReadJsonAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var id = saved.GetProperty("id").GetString();
        var detail = await WaitForFileAsync(customer, "invoices", id!);
        Assert.Equal("INV-F1.pdf", detail.GetProperty("file").GetProperty("fileName").GetString());

        var download = await customer.GetAsync($"/api/documents/invoices/{id}/file");
        Assert.Equal(HttpStatusCode.Found, download.StatusCode);
        var link = download.Headers.Location!;
        using var anyone = new HttpClient();
        var file = await anyone.GetAsync(link);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment; filename=\"INV-F1.pdf\"", file.Content.Headers.ContentDisposition?.ToString());

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", query["sp"]);
        Assert.InRange(DateTimeOffset.Parse(query["se"]!) - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5.1));
        // The link reads that one blob: it cannot list the container, overwrite the file or read another blob.
        var containerUri = new Uri(link.GetLeftPart(UriPartial.Path)[..link.GetLeftPart(UriPartial.Path).LastIndexOf($"/{counterparty}/", StringComparison.Ordinal)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await anyone.GetAsync(containerUri + "?restype=container&comp=list&" + link.Query.TrimStart('?'))).StatusCode);
        var overwrite = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent("evil"u8.ToArray()) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Forbidden, (await anyone.SendAsync(overwrite)).StatusCode);
        Assert.Equal(bytes, await (await anyone.GetAsync(link)).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_uploaded_after_its_data_appears_within_seconds_and_another_counterparty_gets_404_for_both()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var id = (await (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/credit-notes/CN-F2", Invoice("2026-11-04"))).ReadJsonAsync())
            .GetProperty("id").GetString()!;
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        Assert.Equal(JsonValueKind.Undefined, (await (await customer.GetAsync($"/api/documents/credit-notes/{id}")).ReadJsonAsync()).TryGetProperty("file", out var none) ? none.ValueKind : JsonValueKind.Undefined);
        await (await customer.GetAsync($"/api/documents/credit-notes/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);

        await Container("documents").GetBlobClient($"{counterparty}/credit-notes/CN-F2.png").UploadAsync(BinaryData.FromBytes([0x89, 0x50, 0x4e, 0x47]), overwrite: true);
        var detail = await WaitForFileAsync(customer, "credit-notes", id);
        Assert.Equal("image/png", detail.GetProperty("file").GetProperty("contentType").GetString());

        using var other = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");
        await (await other.GetAsync($"/api/documents/credit-notes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/documents/credit-notes/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await other.GetAsync("/api/documents/credit-notes?number=CN-F2")).ReadJsonAsync()).GetProperty("items").EnumerateArray());

        await Container("documents").GetBlobClient($"{counterparty}/credit-notes/CN-F2.png").DeleteAsync();
        await WaitUntilAsync(async () => !(await (await customer.GetAsync($"/api/documents/credit-notes/{id}")).ReadJsonAsync()).TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Uploads_that_break_the_rules_are_listed_for_staff_and_never_reach_a_customer()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bad = new Dictionary<string, string>
        {
            [$"nobody-{tag}/invoices/INV-1.pdf"] = "no counterparty",
            [$"{counterparty}/receipts/R-{tag}.pdf"] = "not a document type",
            [$"{counterparty}/invoices/INV-{tag}.exe"] = "not accepted",
            [$"{counterparty}/loose-{tag}.pdf"] = "must be",
        };
        foreach (var name in bad.Keys)
        {
            await Container("documents").GetBlobClient(name).UploadAsync(BinaryData.FromString("x"), overwrite: true);
        }
        using var staff = await fixture.SignInAsStaffAsync();

        await WaitUntilAsync(async () =>
        {
            var rejected = (await (await staff.GetAsync("/api/manage/files/rejected")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            return bad.All(b => rejected.Any(r => r.GetProperty("blobName").GetString() == b.Key && r.GetProperty("reason").GetString()!.Contains(b.Value)));
        });
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        Assert.Empty((await (await customer.GetAsync("/api/documents/invoices")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.True(await Container("documents").GetBlobClient($"{counterparty}/invoices/INV-{tag}.exe").ExistsAsync(), "a rejected file is left in place");
    }

    [Fact]
    public async Task An_order_from_a_quotation_charges_the_quoted_prices_and_names_the_quotation()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");
        var quotation = await (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/quotations/QT-P1", new
        {
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), validUntil,
            lines = new[] { new { sku = "PT-DRILL-02", name = "Cordless combi drill 18 V", unit = "pcs", quantity = 3, unitPrice = 99.99m } },
        })).ReadJsonAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var filled = await (await customer.PostJsonAsync($"/api/cart/from-quotation/{quotation.GetProperty("id").GetString()}", new { })).ReadJsonAsync();
        var line = filled.GetProperty("cart").GetProperty("lines")[0];
        Assert.Equal((99.99m, "QT-P1"), (line.GetProperty("unitPrice").GetProperty("amount").GetDecimal(), line.GetProperty("quotationNumber").GetString()));

        var (_, version) = await customer.GetCartAsync();
        var started = await (await customer.CheckoutAsync(version)).ReadJsonAsync();
        var done = await customer.WaitForCheckoutAsync(started.GetProperty("id").GetString()!);
        var order = await (await customer.GetAsync($"/api/orders/{done.GetProperty("orders")[0].GetProperty("id").GetString()}")).ReadJsonAsync();
        var ordered = order.GetProperty("lines")[0];
        Assert.Equal(99.99m, ordered.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.Equal(299.97m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("QT-P1", ordered.GetProperty("quotationNumber").GetString());
    }

    [Fact]
    public async Task A_shipment_recorded_on_an_order_becomes_a_goods_delivery_document_that_the_order_links_to()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (_, version) = await customer.AddToCartAsync("HT-HAM-01", 4);
        var done = await customer.WaitForCheckoutAsync((await (await customer.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        var orderId = done.GetProperty("orders")[0].GetProperty("id").GetString();
        using var staff = await fixture.SignInAsStaffAsync();

        var shipment = new { number = "GI-T-1", date = "2026-11-20", lines = new[] { new { sku = "HT-HAM-01", quantity = 3 } } };
        (await staff.PostJsonAsync($"/api/manage/orders/{counterparty}/{orderId}/shipments", shipment)).EnsureSuccessStatusCode();
        var again = await staff.PostJsonAsync($"/api/manage/orders/{counterparty}/{orderId}/shipments", shipment);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var order = await (await customer.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        var documentId = order.GetProperty("shipments")[0].GetProperty("documentId").GetString();
        var delivery = await (await customer.GetAsync($"/api/documents/goods-issues/{documentId}")).ReadJsonAsync();
        Assert.Equal("GI-T-1", delivery.GetProperty("number").GetString());
        Assert.Equal(3m, delivery.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(orderId, delivery.GetProperty("related")[0].GetProperty("id").GetString());
        Assert.Single((await (await customer.GetAsync("/api/documents/goods-issues")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_csv_export_opens_safely_in_Excel()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterparty = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/invoices/INV-X1",
            Invoice("2026-11-05", "unpaid", "2026-12-05", [new { type = "rma-requests", number = "=HYPERLINK(\"http://evil\")" }]))).EnsureSuccessStatusCode();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var response = await customer.GetAsync("/api/documents/invoices/export.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Number,Date,Status", lines[0]);
        Assert.StartsWith("INV-X1,2026-11-05,unpaid,2026-12-05", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[1]);
    }

    [Fact]
    public async Task Materials_are_shown_to_the_access_groups_they_name_and_download()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var materials = Container("materials");
        await materials.GetBlobClient($"test/open-{tag}.pdf").UploadAsync(BinaryData.FromString("%PDF open"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["title"] = $"Open {tag}", ["description"] = "For everyone" },
        });
        await materials.GetBlobClient($"test/safety-{tag}.pdf").UploadAsync(BinaryData.FromString("%PDF safety"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["title"] = $"Safety {tag}", ["accessgroups"] = "tools-and-safety" },
        });
        using var dan = await fixture.SignInAsync("dan@northwind.example", "northwind-demo-2");   // tools-and-safety
        using var ben = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");       // customers

        await WaitUntilAsync(async () => Titles(await (await dan.GetAsync("/api/materials")).ReadJsonAsync()).Count(t => t.EndsWith(tag)) == 2);
        var bens = Titles(await (await ben.GetAsync("/api/materials")).ReadJsonAsync());
        Assert.Contains($"Open {tag}", bens);
        Assert.DoesNotContain($"Safety {tag}", bens);

        var safety = (await (await dan.GetAsync("/api/materials")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("title").GetString() == $"Safety {tag}").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Found, (await dan.GetAsync($"/api/materials/{safety}/file")).StatusCode);
        await (await ben.GetAsync($"/api/materials/{safety}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> CounterpartyOf(TestUser buyer)
    {
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        return (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
    }

    private static List<string> Numbers(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

    private static List<string> Titles(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    private static async Task<JsonElement> WaitForFileAsync(PortalClient client, string type, string id)
    {
        JsonElement detail = default;
        await WaitUntilAsync(async () => (detail = await (await client.GetAsync($"/api/documents/{type}/{id}")).ReadJsonAsync()).TryGetProperty("file", out _));
        return detail;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (await condition())
            {
                return;
            }
        }
        Assert.Fail("The condition did not come true within 30 seconds.");
    }
}
