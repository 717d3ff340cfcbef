using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Integration.Tests.LocalHost;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Returns;

[Collection(PortalCollection.Name)]
public sealed class RmaRequestsTests(PortalFixture fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A counterparty of its own with one buyer and one invoice of three lines, issued by a clerk.</summary>
    private async Task<(TestUser Buyer, string CounterpartyId, string InvoiceId)> CustomerWithInvoiceAsync(string number = "INV-R1", decimal screws = 10m)
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        using var staff = await fixture.SignInAsStaffAsync();
        var invoice = await staff.PutJsonAsync($"/api/manage/documents/{counterpartyId}/invoices/{number}", new
        {
            date = "2026-11-02",
            lines = new object[]
            {
                new { sku = "HT-SCR-SET", name = "Screwdriver set", unit = "pcs", quantity = screws, unitPrice = 12.5m },
                new { sku = "EL-CAB-02", name = "Twin and earth cable 2.5 mm²", unit = "m", quantity = 25.5m, unitPrice = 0.89m },
                new { name = "Loose sand", unit = "kg", quantity = 12.5m, unitPrice = 0.2m },
            },
        });
        Assert.Equal(HttpStatusCode.OK, invoice.StatusCode);
        return (buyer, counterpartyId, (await invoice.ReadJsonAsync()).GetProperty("id").GetString()!);
    }

    private static object Draft(string invoiceId, params (int Line, decimal Quantity)[] lines) => new
    {
        invoiceId,
        lines = lines.Select(l => new { lineNumber = l.Line, quantity = l.Quantity }).ToArray(),
        reason = "defective",
        description = "The handles crack when used.",
        preferredResolution = "refund",
    };

    private static async Task<JsonElement> CreateAsync(PortalClient client, object body, string? key = null)
    {
        var response = await client.SendRawAsync(HttpMethod.Post, "/api/rma-requests", JsonSerializer.Serialize(body), "application/json", adjust: r =>
        {
            if (key is not null) r.Headers.Add("Idempotency-Key", key);
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> UploadAsync(PortalClient client, string rmaId, string fileName, byte[] content, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rma-requests/{rmaId}/attachments?fileName={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-CSRF-Token", client.CsrfToken);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return client.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(PortalClient client, string rmaId) => client.SendRawAsync(HttpMethod.Post, $"/api/rma-requests/{rmaId}/send", null, null);

    private static async Task<JsonElement> ReturnableAsync(PortalClient client, string invoiceId) =>
        await (await client.GetAsync($"/api/rma-requests/invoices/{invoiceId}")).ReadJsonAsync();

    private static decimal ReturnableOf(JsonElement invoice, int line) => invoice.GetProperty("lines")[line - 1].GetProperty("returnable").GetDecimal();

    private static string? RmaIdOf(JsonElement integrationEvent) =>
        integrationEvent.GetProperty("data").TryGetProperty("rmaId", out var id) ? id.GetString() : null;

    private static List<string> Numbers(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

    [Fact]
    public async Task The_whole_flow_from_invoice_to_credit_note()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();

        var returnable = await ReturnableAsync(customer, invoiceId);
        Assert.Equal("INV-R1", returnable.GetProperty("invoiceNumber").GetString());
        Assert.Equal([10m, 25.5m, 12.5m], returnable.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("returnable").GetDecimal()));
        Assert.Equal([0, 1, 1], returnable.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("unitPrecision").GetInt32()));

        var key = Guid.NewGuid().ToString();
        var draft = await CreateAsync(customer, Draft(invoiceId, (1, 3m), (2, 2.5m)), key);
        var retried = await CreateAsync(customer, Draft(invoiceId, (1, 3m), (2, 2.5m)), key);
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal(id, retried.GetProperty("id").GetString());
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Matches("^RMA-\\d{6}$", draft.GetProperty("number").GetString());
        Assert.Equal(37.5m, draft.GetProperty("lines")[0].GetProperty("unitPrice").GetProperty("amount").GetDecimal() * 3);
        Assert.Equal(10m, ReturnableOf(await ReturnableAsync(customer, invoiceId), 1)); // a draft reserves nothing

        var photoKey = Guid.NewGuid().ToString();
        var photo = await UploadAsync(customer, id, "broken handle.png", Png, photoKey);
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var photoAgain = await UploadAsync(customer, id, "broken handle.png", Png, photoKey);
        Assert.Equal(HttpStatusCode.OK, photoAgain.StatusCode);
        var photoId = (await photo.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(photoId, (await photoAgain.ReadJsonAsync()).GetProperty("id").GetString());
        var download = await customer.GetAsync($"/api/rma-requests/{id}/attachments/{photoId}");
        Assert.Equal(HttpStatusCode.Found, download.StatusCode);
        using (var blob = new HttpClient())
        {
            Assert.Equal(Png, await blob.GetByteArrayAsync(download.Headers.Location));
        }

        var drafts = await (await customer.GetAsync("/api/rma-requests?tab=drafts")).ReadJsonAsync();
        Assert.Equal([draft.GetProperty("number").GetString()!], Numbers(drafts));

        var sent = await SendAsync(customer, id);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var sentView = await sent.ReadJsonAsync();
        Assert.Equal("sent", sentView.GetProperty("status").GetString());
        Assert.Single(sentView.GetProperty("attachments").EnumerateArray());
        Assert.Equal(7m, ReturnableOf(await ReturnableAsync(customer, invoiceId), 1));
        Assert.Empty(Numbers(await (await customer.GetAsync("/api/rma-requests?tab=drafts")).ReadJsonAsync()));

        // The colleague at the same company sees it; the desk has it on top, waiting.
        var colleague = await fixture.CreateCustomerAsync(counterpartyId);
        using (var other = await fixture.SignInAsync(colleague.Username, colleague.Password))
        {
            var list = await (await other.GetAsync("/api/rma-requests?tab=sent")).ReadJsonAsync();
            Assert.Equal("sent", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        }
        var desk = await (await staff.GetAsync($"/api/manage/rma-requests?counterpartyId={counterpartyId}")).ReadJsonAsync();
        Assert.Equal(id, desk.GetProperty("items")[0].GetProperty("rma").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Found, (await staff.GetAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/attachments/{photoId}")).StatusCode);

        var accepted = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/accept", new { resolution = "creditNote", expectedDate = "2026-12-05" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var moved = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/expected-date", new { expectedDate = "2026-12-09" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var row = Assert.Single((await (await customer.GetAsync("/api/rma-requests?tab=sent")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("inProgress", "accepted", "creditNote", "2026-12-09"), (row.GetProperty("status").GetString(), row.GetProperty("processing").GetString(),
            row.GetProperty("resolution").GetString(), row.GetProperty("expectedDate").GetString()));

        var goodsReturn = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/documents", new { type = "goods-returns", number = "GR-R1", date = "2026-12-01" });
        Assert.Equal(HttpStatusCode.OK, goodsReturn.StatusCode);
        var afterGoodsReturn = Assert.Single((await (await customer.GetAsync("/api/rma-requests?tab=sent")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("goodsReceived", afterGoodsReturn.GetProperty("processing").GetString());
        var creditNote = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/documents", new
        {
            type = "credit-notes", number = "CN-R1", date = "2026-12-02", lines = new[] { new { lineNumber = 1, quantity = 3m, unitPrice = 12.5m } },
        });
        Assert.Equal(HttpStatusCode.OK, creditNote.StatusCode);
        Assert.Equal("refundApproved", (await creditNote.ReadJsonAsync()).GetProperty("processing").GetString());
        var completed = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/complete", new { });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var read = await customer.GetAsync($"/api/rma-requests/{id}");
        Assert.True(read.StorageRequests() <= 2, $"The RMA page cost {read.StorageRequests()} storage requests");
        Assert.Equal(1, (await customer.GetAsync("/api/rma-requests?tab=sent")).StorageRequests());
        var page = await read.ReadJsonAsync();
        Assert.Equal("completed", page.GetProperty("status").GetString());
        Assert.Equal(["draft", "sent", "inProgress", "inProgress", "completed"], page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        var documents = page.GetProperty("documents").EnumerateArray().Select(d => (d.GetProperty("type").GetString(), d.GetProperty("number").GetString())).ToList();
        Assert.Equal([("credit-notes", "CN-R1"), ("goods-returns", "GR-R1")], documents);

        var creditNoteId = page.GetProperty("documents")[0].GetProperty("id").GetString();
        var note = await (await customer.GetAsync($"/api/documents/credit-notes/{creditNoteId}")).ReadJsonAsync();
        Assert.Equal(37.5m, note.GetProperty("total").GetProperty("amount").GetDecimal());
        var related = note.GetProperty("related").EnumerateArray().ToList();
        Assert.Contains(related, r => r.GetProperty("type").GetString() == "rma-requests" && r.GetProperty("number").GetString() == page.GetProperty("number").GetString()
                                      && r.GetProperty("id").GetString() == id);
        var goodsReturnDoc = await (await customer.GetAsync($"/api/documents/goods-returns/{page.GetProperty("documents")[1].GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal([3m, 2.5m], goodsReturnDoc.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal()));

        await LocalHostTests.Eventually(async () =>
            (await fixture.IntegrationEventsAsync()).Where(e => RmaIdOf(e) == id).DistinctBy(e => e.GetProperty("id").GetString()).Count() >= 4);
        var events = (await fixture.IntegrationEventsAsync()).Where(e => RmaIdOf(e) == id).ToList();
        // Each transition's event once; they may reach the ERP in any order, and each names the request's state then.
        Assert.Equal(["RmaAccepted", "RmaCompleted", "RmaExpectedDateChanged", "RmaSent"],
            events.DistinctBy(e => e.GetProperty("id").GetString()).Select(e => e.GetProperty("type").GetString()).Order());
        Assert.Equal(counterpartyId, events[0].GetProperty("counterpartyId").GetString());
    }

    [Fact]
    public async Task The_demo_has_an_accepted_request_with_an_expected_date_and_a_draft_for_Northwind()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var sent = (await (await anna.GetAsync("/api/rma-requests?tab=sent&pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var drafts = (await (await anna.GetAsync("/api/rma-requests?tab=drafts&pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(sent, r => r.GetProperty("status").GetString() == "inProgress" && r.GetProperty("resolution").GetString() == "replacement"
                                   && r.GetProperty("expectedDate").ValueKind == JsonValueKind.String && r.GetProperty("invoiceNumber").GetString() == "INV-2026-0001");
        Assert.Contains(drafts, r => r.GetProperty("invoiceNumber").GetString() == "INV-2026-0002");

        // The finished one: its goods return and credit note were published from it, so they name it and it lists them.
        var completed = sent.Single(r => r.GetProperty("status").GetString() == "completed" && r.GetProperty("invoiceNumber").GetString() == "INV-2026-0001");
        var detail = await (await anna.GetAsync($"/api/rma-requests/{completed.GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal("refund", detail.GetProperty("resolution").GetString());
        var expected = DateOnly.Parse(detail.GetProperty("expectedDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expected, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(["credit-notes CN-2026-0001", "goods-returns GR-2026-0001"], detail.GetProperty("documents").EnumerateArray()
            .Select(d => $"{d.GetProperty("type").GetString()} {d.GetProperty("number").GetString()}").Order(StringComparer.Ordinal));
        var goodsReturnId = detail.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("type").GetString() == "goods-returns").GetProperty("id").GetString();
        var goodsReturn = await (await anna.GetAsync($"/api/documents/goods-returns/{goodsReturnId}")).ReadJsonAsync();
        Assert.Contains(goodsReturn.GetProperty("related").EnumerateArray(), r => r.GetProperty("type").GetString() == "rma-requests"
            && r.GetProperty("number").GetString() == completed.GetProperty("number").GetString() && r.GetProperty("id").GetString() == completed.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_desk_decision_on_a_version_another_clerk_has_moved_on_is_412_and_changes_nothing()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync("INV-R-412");
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var id = (await CreateAsync(customer, Draft(invoiceId, (1, 2m)))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(customer, id)).StatusCode);
        var manage = $"/api/manage/rma-requests/{counterpartyId}/{id}";
        var seen = (await (await staff.GetAsync(manage)).ReadJsonAsync()).GetProperty("version").GetString()!;

        // One clerk accepts on the version both saw; the other, still looking at it, rejects: 412, and it stays accepted.
        var accepted = await staff.PostJsonAsync(manage + "/accept", new { resolution = "refund", expectedDate = "2026-12-05" }, seen);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var now = (await accepted.ReadJsonAsync()).GetProperty("version").GetString()!;
        Assert.NotEqual(seen, now);
        var stale = await staff.PostJsonAsync(manage + "/reject", new { reason = "Outside the return period" }, seen);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(0, stale.StorageWrites());
        foreach (var (action, body) in new (string, object)[]
                 {
                     ("/expected-date", new { expectedDate = "2026-12-09" }), ("/complete", new { }),
                     ("/documents", new { type = "credit-notes", number = "CN-R-412", date = "2026-12-01" }),
                 })
        {
            await (await staff.PostJsonAsync(manage + action, body, seen)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }
        var after = await (await staff.GetAsync(manage)).ReadJsonAsync();
        Assert.Equal("inProgress", after.GetProperty("status").GetString());
        Assert.Equal("2026-12-05", after.GetProperty("expectedDate").GetString());
        Assert.Empty(after.GetProperty("documents").EnumerateArray());
        Assert.Equal(now, after.GetProperty("version").GetString());

        // On the version it now shows, the decision goes through; without If-Match (the ERP) it applies to the latest.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/expected-date", new { expectedDate = "2026-12-09" }, now)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/complete", new { })).StatusCode);
    }

    [Fact]
    public async Task Drafts_are_editable_and_deletable_and_sent_ones_are_read_only()
    {
        var (buyer, _, invoiceId) = await CustomerWithInvoiceAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var draft = await CreateAsync(customer, Draft(invoiceId, (1, 1m)));
        var id = draft.GetProperty("id").GetString()!;
        var version = draft.GetProperty("version").GetString()!;

        var edited = await customer.PutJsonAsync($"/api/rma-requests/{id}", Draft(invoiceId, (1, 2m), (3, 0.5m)), version);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal([2m, 0.5m], (await edited.ReadJsonAsync()).GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal()));
        var stale = await customer.PutJsonAsync($"/api/rma-requests/{id}", Draft(invoiceId, (1, 4m)), version);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(0, stale.StorageWrites());
        await (await customer.PutJsonAsync($"/api/rma-requests/{id}", Draft(invoiceId, (1, 4m)))).AssertProblemAsync((HttpStatusCode)428);

        var other = (await CreateAsync(customer, Draft(invoiceId, (2, 1m)))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(customer, other, "scan.pdf", "%PDF-1.4 test"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.SendRawAsync(HttpMethod.Delete, $"/api/rma-requests/{other}", null, null)).StatusCode);
        await (await customer.GetAsync($"/api/rma-requests/{other}")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(customer, id)).StatusCode);
        var current = (await (await customer.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync()).GetProperty("version").GetString()!;
        foreach (var refused in new[]
                 {
                     await customer.PutJsonAsync($"/api/rma-requests/{id}", Draft(invoiceId, (1, 1m)), current),
                     await customer.SendRawAsync(HttpMethod.Delete, $"/api/rma-requests/{id}", null, null),
                     await UploadAsync(customer, id, "late.png", Png),
                 })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("only drafts", problem.GetProperty("detail").GetString());
            Assert.Equal(0, refused.StorageWrites());
        }
        var after = await (await customer.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync();
        Assert.Equal(("sent", 2), (after.GetProperty("status").GetString(), after.GetProperty("lines").GetArrayLength()));
    }

    [Fact]
    public async Task Wrong_lines_quantities_and_files_are_refused_field_by_field_and_write_nothing()
    {
        var (buyer, _, invoiceId) = await CustomerWithInvoiceAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var response = await customer.PostJsonAsync("/api/rma-requests", Draft(invoiceId, (1, 2.5m), (2, 0.25m), (3, 0.25m), (9, 1m), (1, 1m)));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, response.StorageWrites());
        var errors = problem.GetProperty("errors");
        Assert.Equal("Return whole pcs.", errors.GetProperty("lines[0].quantity")[0].GetString());
        Assert.Equal("Use at most 1 decimal places for m.", errors.GetProperty("lines[1].quantity")[0].GetString());
        Assert.Equal("Use at most 1 decimal places for kg.", errors.GetProperty("lines[2].quantity")[0].GetString());
        Assert.True(errors.TryGetProperty("lines[3].lineNumber", out _));
        Assert.True(errors.TryGetProperty("lines[4].lineNumber", out _));

        var tooMany = await customer.PostJsonAsync("/api/rma-requests", Draft(invoiceId, (1, 11m)));
        Assert.Contains("Only 10 pcs", (await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString());
        var noProblem = await customer.PostJsonAsync("/api/rma-requests", new { invoiceId, lines = new[] { new { lineNumber = 1, quantity = 1 } }, reason = "other", description = " " });
        Assert.True((await noProblem.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("description", out _));
        Assert.Empty((await (await customer.GetAsync("/api/rma-requests?tab=drafts")).ReadJsonAsync()).GetProperty("items").EnumerateArray());

        var id = (await CreateAsync(customer, Draft(invoiceId, (1, 1m)))).GetProperty("id").GetString()!;
        await (await UploadAsync(customer, id, "page.html", "<html>"u8.ToArray())).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(customer, id, "photo.png", "%PDF-1.4"u8.ToArray())).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(customer, id, "huge.pdf", new byte[10 * 1024 * 1024 + 1])).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(customer, id, $"photo{i}.png", Png)).StatusCode);
        }
        var sixth = await UploadAsync(customer, id, "photo6.png", Png);
        Assert.Contains("at most 5 files", (await sixth.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(5, (await (await customer.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync()).GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task Many_parallel_sends_for_the_same_units_claim_exactly_what_was_invoiced()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync(screws: 10m);
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var drafts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            drafts.Add((await CreateAsync(customer, Draft(invoiceId, (1, 3m)))).GetProperty("id").GetString()!);
        }

        var answers = await Task.WhenAll(drafts.Select(id => SendAsync(customer, id)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refusals = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(5, refusals.Count);
        foreach (var refusal in refusals)
        {
            var problem = await refusal.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.EndsWith("/returnable-quantity-exceeded", problem.GetProperty("type").GetString());
            Assert.Contains("Only 1 pcs", problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString());
        }
        var line = (await ReturnableAsync(customer, invoiceId)).GetProperty("lines")[0];
        Assert.Equal((9m, 1m), (line.GetProperty("claimed").GetDecimal(), line.GetProperty("returnable").GetDecimal()));
        Assert.Equal(3, (await (await customer.GetAsync("/api/rma-requests?tab=sent")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
        Assert.Equal(5, (await (await customer.GetAsync("/api/rma-requests?tab=drafts")).ReadJsonAsync()).GetProperty("items").GetArrayLength());

        // Rejecting one frees its units in the same change: a refused draft can now be sent.
        using var staff = await fixture.SignInAsStaffAsync();
        var sentId = drafts.Where((_, i) => answers[i].StatusCode == HttpStatusCode.OK).First();
        var rejected = await staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{sentId}/reject", new { reason = "The set was used for months." });
        Assert.Equal("rejected", (await rejected.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(4m, ReturnableOf(await ReturnableAsync(customer, invoiceId), 1));
        var refusedId = drafts.Where((_, i) => answers[i].StatusCode != HttpStatusCode.OK).First();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(customer, refusedId)).StatusCode);
        Assert.Equal(1m, ReturnableOf(await ReturnableAsync(customer, invoiceId), 1));
    }

    [Fact]
    public async Task Two_requests_for_the_last_three_units_sent_at_once_give_one_success_and_one_clear_refusal()
    {
        var (buyer, _, invoiceId) = await CustomerWithInvoiceAsync(screws: 3m);
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var first = (await CreateAsync(customer, Draft(invoiceId, (1, 3m)))).GetProperty("id").GetString()!;
        var second = (await CreateAsync(customer, Draft(invoiceId, (1, 3m)))).GetProperty("id").GetString()!;

        var answers = await Task.WhenAll(SendAsync(customer, first), SendAsync(customer, second));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var problem = await answers.Single(a => a.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Nothing of Screwdriver set is left to return", problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString());
        Assert.Equal(3m, (await ReturnableAsync(customer, invoiceId)).GetProperty("lines")[0].GetProperty("claimed").GetDecimal());
    }

    [Fact]
    public async Task Another_counterparty_gets_404_for_the_request_its_files_and_its_invoice()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync();
        using var owner = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var id = (await CreateAsync(owner, Draft(invoiceId, (1, 1m)))).GetProperty("id").GetString()!;
        var fileId = (await (await UploadAsync(owner, id, "photo.png", Png)).ReadJsonAsync()).GetProperty("id").GetString()!;
        var (otherBuyer, otherCounterparty, _) = await CustomerWithInvoiceAsync("INV-OTHER");
        using var stranger = await fixture.SignInAsync(otherBuyer.Username, otherBuyer.Password);

        var answers = new[]
        {
            await stranger.GetAsync($"/api/rma-requests/{id}"),
            await stranger.GetAsync($"/api/rma-requests/{id}/attachments/{fileId}"),
            await stranger.GetAsync($"/api/rma-requests/invoices/{invoiceId}"),
            await stranger.PostJsonAsync("/api/rma-requests", Draft(invoiceId, (1, 1m))),
            await stranger.PutJsonAsync($"/api/rma-requests/{id}", Draft(invoiceId, (1, 1m)), "*"),
            await SendAsync(stranger, id),
            await UploadAsync(stranger, id, "photo.png", Png),
            await stranger.SendRawAsync(HttpMethod.Delete, $"/api/rma-requests/{id}", null, null),
            await stranger.SendRawAsync(HttpMethod.Delete, $"/api/rma-requests/{id}/attachments/{fileId}", null, null),
        };
        foreach (var answer in answers)
        {
            await answer.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(0, answer.StorageWrites());
        }
        using var staff = await fixture.SignInAsStaffAsync();
        await (await staff.GetAsync($"/api/manage/rma-requests/{otherCounterparty}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("draft", (await (await owner.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Empty((await (await staff.GetAsync($"/api/manage/rma-requests?counterpartyId={counterpartyId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Transitions_that_make_no_sense_are_409_and_repeating_one_changes_nothing()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var id = (await CreateAsync(customer, Draft(invoiceId, (1, 2m)))).GetProperty("id").GetString()!;
        var manage = $"/api/manage/rma-requests/{counterpartyId}/{id}";

        await (await staff.PostJsonAsync(manage + "/accept", new { resolution = "refund", expectedDate = "2026-12-05" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(customer, id)).StatusCode);
        var again = await SendAsync(customer, id);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, again.StorageWrites());
        await (await staff.PostJsonAsync(manage + "/complete", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync(manage + "/expected-date", new { expectedDate = "2026-12-06" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync(manage + "/documents", new { type = "credit-notes", number = "CN-X", date = "2026-12-01" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/accept", new { resolution = "refund", expectedDate = "2026-12-05" })).StatusCode);
        var acceptAgain = await staff.PostJsonAsync(manage + "/accept", new { resolution = "refund", expectedDate = "2026-12-05" });
        Assert.Equal(0, acceptAgain.StorageWrites());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/complete", new { })).StatusCode);
        Assert.Equal(0, (await staff.PostJsonAsync(manage + "/complete", new { })).StorageWrites());
        var reject = await staff.PostJsonAsync(manage + "/reject", new { reason = "Too late" });
        Assert.Contains("completed cannot be rejected", (await reject.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await SendAsync(customer, id)).AssertProblemAsync(HttpStatusCode.Conflict);

        var history = (await (await customer.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync()).GetProperty("history");
        Assert.Equal(["draft", "sent", "inProgress", "completed"], history.EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        var bad = await staff.PostJsonAsync(manage + "/accept", new { resolution = "sometimes", expectedDate = "2026-12-05" });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Redelivered_outbox_messages_and_retried_requests_duplicate_nothing()
    {
        var (buyer, counterpartyId, invoiceId) = await CustomerWithInvoiceAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var id = (await CreateAsync(customer, Draft(invoiceId, (2, 5m)))).GetProperty("id").GetString()!;

        await Task.WhenAll(SendAsync(customer, id), SendAsync(customer, id), SendAsync(customer, id));
        var accept = new { resolution = "replacement", expectedDate = "2026-12-05" };
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => staff.PostJsonAsync($"/api/manage/rma-requests/{counterpartyId}/{id}/accept", accept)));
        var queue = new QueueClient(fixture.Azurite.ConnectionString, "outbox", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = JsonSerializer.Serialize(new { table = "Returns", partition = counterpartyId });
        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);
        await LocalHostTests.Eventually(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);

        await LocalHostTests.Eventually(async () =>
            (await fixture.IntegrationEventsAsync()).Where(e => RmaIdOf(e) == id).DistinctBy(e => e.GetProperty("id").GetString()).Count() >= 2);
        await Task.Delay(1000);
        var events = (await fixture.IntegrationEventsAsync()).Where(e => RmaIdOf(e) == id).ToList();
        // Delivery is at least once (two dispatchers may send the same row before either deletes it), always under the
        // event's fixed id, which Service Bus duplicate detection drops: one id per transition, never a second accept.
        var distinct = events.DistinctBy(e => e.GetProperty("id").GetString()).Select(e => e.GetProperty("type").GetString()).Order().ToList();
        Assert.Equal(["RmaAccepted", "RmaSent"], distinct);
        Assert.Equal(5m, (await ReturnableAsync(customer, invoiceId)).GetProperty("lines")[1].GetProperty("claimed").GetDecimal());
        var page = await (await customer.GetAsync($"/api/rma-requests/{id}")).ReadJsonAsync();
        Assert.Equal(["draft", "sent", "inProgress"], page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }
}
