using System.Net;
using System.Text.Json;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Support;

[Collection(PortalCollection.Name)]
public sealed class SupportTests(PortalFixture fixture)
{
    private static readonly string[] DocumentTypes =
        ["quotations", "invoices", "tax-invoices", "goods-issues", "goods-returns", "credit-notes", "reconciliation-statements"];

    [Fact]
    public async Task A_request_from_the_menu_gets_a_number_leads_the_list_and_a_colleague_sees_and_answers_it()
    {
        var company = await NewCompanyAsync();
        var colleagueUser = await fixture.CreateCustomerAsync(CounterpartyOf(company));
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        using var colleague = await fixture.SignInAsync(colleagueUser.Username, colleagueUser.Password);

        var created = await buyer.PostJsonAsync("/api/support-requests", new { subject = "Portal question", category = "question", message = "How do I\nexport invoices?" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.ReadJsonAsync();
        var id = request.GetProperty("id").GetString()!;
        Assert.Matches("^SR-[0-9]{6}$", request.GetProperty("number").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("How do I\nexport invoices?", request.GetProperty("messages").GetProperty("items")[0].GetProperty("body").GetString());
        Assert.EndsWith($"/api/support-requests/{id}", created.Headers.Location!.ToString());

        var colleaguesList = (await (await colleague.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(id, colleaguesList[0].GetProperty("id").GetString());
        Assert.True(colleaguesList[0].GetProperty("unread").GetBoolean()); // a colleague's new request is news to them

        var reply = await colleague.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "Also: can it be CSV?" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var buyersView = (await (await buyer.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.True(buyersView.GetProperty("unread").GetBoolean());
        Assert.Equal(2, buyersView.GetProperty("messageCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await buyer.PostJsonAsync($"/api/support-requests/{id}/read", new { })).StatusCode);
        Assert.False((await (await buyer.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("unread").GetBoolean());

        var page = await (await buyer.GetAsync($"/api/support-requests/{id}")).ReadJsonAsync();
        var messages = page.GetProperty("messages").GetProperty("items");
        Assert.Equal("Also: can it be CSV?", messages[0].GetProperty("body").GetString()); // newest first
        Assert.False(messages[0].GetProperty("mine").GetBoolean());
        Assert.Equal("Test User", messages[0].GetProperty("author").GetString()); // people are named as the company knows them
        Assert.True(messages[1].GetProperty("mine").GetBoolean());
    }

    [Fact]
    public async Task A_request_can_be_about_each_document_type_and_an_order_and_the_document_lists_its_requests()
    {
        var company = await NewCompanyAsync();
        var counterpartyId = CounterpartyOf(company);
        using var staff = await fixture.SignInAsStaffAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        foreach (var type in DocumentTypes)
        {
            var number = "T-" + Guid.NewGuid().ToString("N")[..8];
            var document = await staff.PutJsonAsync($"/api/manage/documents/{counterpartyId}/{type}/{number}", new { date = "2026-11-02" });
            Assert.True(document.IsSuccessStatusCode, await document.Content.ReadAsStringAsync());
            var documentId = (await document.ReadJsonAsync()).GetProperty("id").GetString()!;

            var created = await buyer.PostJsonAsync("/api/support-requests",
                new { subject = $"About {number}", category = "documentInaccuracy", message = "The amount looks wrong.", link = new { type, id = documentId } });

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var link = (await created.ReadJsonAsync()).GetProperty("link");
            Assert.Equal(type, link.GetProperty("type").GetString());
            Assert.Contains(number, link.GetProperty("label").GetString());
            var linked = (await (await buyer.GetAsync($"/api/support-requests?linkedType={type}&linkedId={documentId}")).ReadJsonAsync()).GetProperty("items");
            Assert.Equal($"About {number}", Assert.Single(linked.EnumerateArray()).GetProperty("subject").GetString());
        }

        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        var order = (await (await anna.GetAsync("/api/orders")).ReadJsonAsync()).GetProperty("items")[0];
        var orderId = order.GetProperty("id").GetString()!;
        var aboutOrder = await anna.PostJsonAsync("/api/support-requests",
            new { subject = "Where is my order?", category = "order", message = "Not delivered yet.", link = new { type = "orders", id = orderId } });
        Assert.Equal(HttpStatusCode.Created, aboutOrder.StatusCode);
        Assert.Equal("Order " + order.GetProperty("number").GetString(), (await aboutOrder.ReadJsonAsync()).GetProperty("link").GetProperty("label").GetString());
        var orderRequests = (await (await anna.GetAsync($"/api/support-requests?linkedType=orders&linkedId={orderId}")).ReadJsonAsync()).GetProperty("items");
        Assert.Contains(orderRequests.EnumerateArray(), r => r.GetProperty("subject").GetString() == "Where is my order?");
    }

    [Fact]
    public async Task Another_counterparty_finds_neither_the_request_nor_its_messages_nor_its_files_and_cannot_link_its_documents()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        using var ben = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");
        var (id, messageId) = await CreateAsync(anna, "Private matter");
        var upload = await UploadAsync(anna, $"/api/support-requests/{id}/messages/{messageId}/attachments", "scan.pdf", "%PDF-1.4 scan");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var fileId = (await upload.ReadJsonAsync()).GetProperty("id").GetString();
        var annasInvoice = (await (await anna.GetAsync("/api/documents/invoices")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        await (await ben.GetAsync($"/api/support-requests/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.GetAsync($"/api/support-requests/{id}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.GetAsync($"/api/support-requests/{id}/messages/{messageId}/attachments/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "Let me in" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(ben, $"/api/support-requests/{id}/messages/{messageId}/attachments", "x.pdf", "%PDF-1.4 x")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.PostJsonAsync($"/api/support-requests/{id}/close", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.PostJsonAsync($"/api/support-requests/{id}/read", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        var foreignLink = await ben.PostJsonAsync("/api/support-requests",
            new { subject = "Sneaky", category = "question", message = "Whose is this?", link = new { type = "invoices", id = annasInvoice } });
        await foreignLink.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, foreignLink.StorageWrites());
        Assert.Empty((await (await ben.GetAsync($"/api/support-requests?linkedType=invoices&linkedId={annasInvoice}")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain((await (await ben.GetAsync("/api/support-requests?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetString() == id);

        var download = await anna.GetAsync($"/api/support-requests/{id}/messages/{messageId}/attachments/{fileId}");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        using var blob = new HttpClient();
        Assert.Equal("%PDF-1.4 scan", await blob.GetStringAsync(download.Headers.Location));
    }

    [Fact]
    public async Task Retries_with_the_same_Idempotency_Key_create_one_request_one_message_and_one_file()
    {
        var company = await NewCompanyAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { subject = "Twice?", category = "other", message = "Double click" }, JsonSerializerOptions.Web);

        var creates = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => buyer.SendRawAsync(HttpMethod.Post, "/api/support-requests", body, "application/json",
            adjust: r => r.Headers.Add("Idempotency-Key", key))));

        Assert.All(creates, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var ids = new HashSet<string>();
        foreach (var r in creates.Where(r => r.IsSuccessStatusCode))
        {
            ids.Add((await r.ReadJsonAsync()).GetProperty("id").GetString()!);
        }
        var id = Assert.Single(ids);
        Assert.Single((await (await buyer.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var again = await buyer.SendRawAsync(HttpMethod.Post, "/api/support-requests", body, "application/json", adjust: r => r.Headers.Add("Idempotency-Key", key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.ReadJsonAsync()).GetProperty("id").GetString());
        var changed = await buyer.SendRawAsync(HttpMethod.Post, "/api/support-requests", body.Replace("Double click", "Other text"), "application/json",
            adjust: r => r.Headers.Add("Idempotency-Key", key));
        await changed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var messageKey = Guid.NewGuid().ToString();
        var messageBody = JsonSerializer.Serialize(new { body = "Sent once" }, JsonSerializerOptions.Web);
        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => buyer.SendRawAsync(HttpMethod.Post, $"/api/support-requests/{id}/messages", messageBody,
            "application/json", adjust: r => r.Headers.Add("Idempotency-Key", messageKey))));
        Assert.All(posts, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var messageIds = new HashSet<string>();
        foreach (var r in posts.Where(r => r.IsSuccessStatusCode))
        {
            messageIds.Add((await r.ReadJsonAsync()).GetProperty("id").GetString()!);
        }
        var messageId = Assert.Single(messageIds);
        var request = await (await buyer.GetAsync($"/api/support-requests/{id}")).ReadJsonAsync();
        Assert.Equal(2, request.GetProperty("messageCount").GetInt32());
        Assert.Equal(2, request.GetProperty("messages").GetProperty("items").GetArrayLength());

        var fileKey = Guid.NewGuid().ToString();
        var path = $"/api/support-requests/{id}/messages/{messageId}/attachments";
        var first = await UploadAsync(buyer, path, "prices.csv", "sku;price\nA;1", fileKey);
        var second = await UploadAsync(buyer, path, "prices.csv", "sku;price\nA;1", fileKey);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetString(), (await second.ReadJsonAsync()).GetProperty("id").GetString());
        var files = (await (await buyer.GetAsync($"/api/support-requests/{id}")).ReadJsonAsync()).GetProperty("messages").GetProperty("items")[0].GetProperty("attachments");
        Assert.Equal("prices.csv", Assert.Single(files.EnumerateArray()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task The_status_machine_runs_from_open_to_closed_a_reply_reopens_a_resolved_request_and_a_closed_one_takes_no_messages()
    {
        var company = await NewCompanyAsync();
        var counterpartyId = CounterpartyOf(company);
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var (id, _) = await CreateAsync(buyer, "Status walk");
        var manage = $"/api/manage/support-requests/{counterpartyId}/{id}";

        Assert.Equal("inProgress", await StatusAfter(staff.PostJsonAsync(manage + "/status", new { status = "inProgress" })));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync(manage + "/messages", new { body = "Here is the answer." })).StatusCode);
        Assert.Equal("resolved", await StatusAfter(staff.PostJsonAsync(manage + "/status", new { status = "resolved" })));
        Assert.Equal("resolved", await StatusAfter(staff.PostJsonAsync(manage + "/status", new { status = "resolved" }))); // a retry changes nothing

        Assert.Equal(HttpStatusCode.Created, (await buyer.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "Not quite." })).StatusCode);
        Assert.Equal("open", await StatusOf(buyer, id));

        Assert.Equal("resolved", await StatusAfter(staff.PostJsonAsync(manage + "/status", new { status = "resolved" })));
        var closed = await (await buyer.PostJsonAsync($"/api/support-requests/{id}/close", new { })).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("reopenUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(13));
        await (await buyer.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "One more thing" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync(manage + "/messages", new { body = "And another" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync(manage + "/status", new { status = "inProgress" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var listed = (await (await buyer.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal("closed", listed[0].GetProperty("status").GetString());

        Assert.Equal("open", (await (await buyer.PostJsonAsync($"/api/support-requests/{id}/reopen", new { })).ReadJsonAsync()).GetProperty("status").GetString());
        var history = (await (await buyer.GetAsync($"/api/support-requests/{id}")).ReadJsonAsync()).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("status").GetString()).ToList();
        Assert.Equal(["open", "inProgress", "resolved", "open", "resolved", "closed", "open"], history);
    }

    [Fact]
    public async Task Active_requests_come_before_closed_ones_in_the_customers_list()
    {
        var company = await NewCompanyAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        var (older, _) = await CreateAsync(buyer, "Older, still open");
        var (newer, _) = await CreateAsync(buyer, "Newer, closed");
        await buyer.PostJsonAsync($"/api/support-requests/{newer}/close", new { });
        var (newest, _) = await CreateAsync(buyer, "Newest");

        var ids = (await (await buyer.GetAsync("/api/support-requests")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Equal([newest, older, newer], ids);
        var closedOnly = (await (await buyer.GetAsync("/api/support-requests?status=closed")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(newer, Assert.Single(closedOnly.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_desk_shows_every_counterpartys_requests_awaiting_an_answer_first_with_filters_and_assignment()
    {
        var first = await NewCompanyAsync();
        var second = await NewCompanyAsync();
        using var one = await fixture.SignInAsync(first.Username, first.Password);
        using var two = await fixture.SignInAsync(second.Username, second.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var (answered, _) = await CreateAsync(one, "Answered one");
        var (waiting, _) = await CreateAsync(two, "Waiting one", category: "return");
        Assert.Equal(HttpStatusCode.Created,
            (await staff.PostJsonAsync($"/api/manage/support-requests/{CounterpartyOf(first)}/{answered}/messages", new { body = "Answer" })).StatusCode);

        var desk = (await (await staff.GetAsync("/api/manage/support-requests?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var waitingIndex = desk.FindIndex(r => r.GetProperty("id").GetString() == waiting);
        var answeredIndex = desk.FindIndex(r => r.GetProperty("id").GetString() == answered);
        Assert.True(waitingIndex >= 0 && answeredIndex > waitingIndex, $"waiting at {waitingIndex}, answered at {answeredIndex}");
        Assert.True(desk[waitingIndex].GetProperty("awaitingAnswer").GetBoolean());
        Assert.False(desk[answeredIndex].GetProperty("awaitingAnswer").GetBoolean());
        Assert.Equal(1, desk.Count(r => r.GetProperty("id").GetString() == answered)); // the desk row moved, not copied

        var ofSecond = (await (await staff.GetAsync($"/api/manage/support-requests?counterpartyId={CounterpartyOf(second)}")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(waiting, Assert.Single(ofSecond.EnumerateArray()).GetProperty("id").GetString());
        var returns = (await (await staff.GetAsync($"/api/manage/support-requests?category=return&counterpartyId={CounterpartyOf(second)}")).ReadJsonAsync()).GetProperty("items");
        Assert.Single(returns.EnumerateArray());
        var questions = (await (await staff.GetAsync($"/api/manage/support-requests?category=question&counterpartyId={CounterpartyOf(second)}")).ReadJsonAsync()).GetProperty("items");
        Assert.Empty(questions.EnumerateArray());

        var clerk = (await (await staff.GetAsync("/api/manage/support-assignees")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .First(u => u.GetProperty("username").GetString() == "clerk");
        var clerkId = clerk.GetProperty("id").GetString();
        var assigned = await staff.PutJsonAsync($"/api/manage/support-requests/{CounterpartyOf(second)}/{waiting}/assignee", new { userId = clerkId });
        Assert.Equal(clerkId, (await assigned.ReadJsonAsync()).GetProperty("assignedToUserId").GetString());
        var mine = (await (await staff.GetAsync($"/api/manage/support-requests?assignedTo={clerkId}&counterpartyId={CounterpartyOf(second)}")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(waiting, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetString());
        var unassigned = (await (await staff.GetAsync($"/api/manage/support-requests?assignedTo=none&counterpartyId={CounterpartyOf(second)}")).ReadJsonAsync()).GetProperty("items");
        Assert.Empty(unassigned.EnumerateArray());
        await (await staff.PutJsonAsync($"/api/manage/support-requests/{CounterpartyOf(second)}/{waiting}/assignee", new { userId = "no-such-user" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var deskRead = await staff.GetAsync("/api/manage/support-requests?status=open");
        Assert.True(deskRead.StorageRequests() <= 2, $"The desk page cost {deskRead.StorageRequests()} storage requests");
    }

    [Fact]
    public async Task New_requests_and_replies_reach_the_ERP_as_integration_events()
    {
        var company = await NewCompanyAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        var (id, _) = await CreateAsync(buyer, "Event check");
        var reply = await (await buyer.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "Follow-up" })).ReadJsonAsync();

        IReadOnlyList<JsonElement> events = [];
        await Portal.Integration.Tests.LocalHost.LocalHostTests.Eventually(async () =>
        {
            // Delivery is at least once; the ERP (and Service Bus duplicate detection) drops repeats by event id.
            events = (await fixture.IntegrationEventsAsync()).DistinctBy(e => e.GetProperty("id").GetString()).ToList();
            return events.Any(e => e.GetProperty("type").GetString() == "SupportMessagePosted"
                                   && e.GetProperty("data").GetProperty("messageId").GetString() == reply.GetProperty("id").GetString());
        }, TimeSpan.FromSeconds(30));
        var created = Assert.Single(events, e => e.GetProperty("type").GetString() == "SupportRequestCreated" && e.GetProperty("data").GetProperty("requestId").GetString() == id);
        Assert.Equal("Event check", created.GetProperty("data").GetProperty("subject").GetString());
        Assert.Single(events, e => e.GetProperty("type").GetString() == "SupportMessagePosted" && e.GetProperty("data").GetProperty("requestId").GetString() == id);
    }

    [Fact]
    public async Task Bad_text_and_unaccepted_files_are_refused_and_nothing_is_written()
    {
        var company = await NewCompanyAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        var (id, messageId) = await CreateAsync(buyer, "Validation");

        var tooLong = await buyer.PostJsonAsync("/api/support-requests", new { subject = new string('s', 151), category = "question", message = new string('m', 4001) });
        var errors = (await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("message", out _));
        Assert.Equal(0, tooLong.StorageWrites());
        var control = await buyer.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "bell \u0007 here" });
        Assert.True((await control.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(0, control.StorageWrites());
        var html = await buyer.PostJsonAsync($"/api/support-requests/{id}/messages", new { body = "<script>alert(1)</script>\n\tindented" });
        Assert.Equal("<script>alert(1)</script>\n\tindented", (await html.ReadJsonAsync()).GetProperty("body").GetString()); // kept as text
        var unknownLink = await buyer.PostJsonAsync("/api/support-requests", new { subject = "x", category = "question", message = "y", link = new { type = "cats", id = "1" } });
        Assert.True((await unknownLink.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("link.type", out _));

        var path = $"/api/support-requests/{id}/messages/{messageId}/attachments";
        var page = await UploadAsync(buyer, path, "page.html", "<html></html>");
        await page.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var renamed = await UploadAsync(buyer, path, "photo.png", "<html>not a png</html>");
        await renamed.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, renamed.StorageWrites());
    }

    [Fact]
    public async Task A_customer_reads_the_list_and_a_request_with_at_most_two_storage_requests()
    {
        var company = await NewCompanyAsync();
        using var buyer = await fixture.SignInAsync(company.Username, company.Password);
        var (id, _) = await CreateAsync(buyer, "Budget");
        await buyer.GetAsync($"/api/support-requests/{id}"); // the session check is cached after the first call

        var list = await buyer.GetAsync("/api/support-requests");
        var one = await buyer.GetAsync($"/api/support-requests/{id}");

        Assert.True(list.StorageRequests() <= 2, $"The list cost {list.StorageRequests()}");
        Assert.True(one.StorageRequests() <= 2, $"The request cost {one.StorageRequests()}");
    }

    [Fact]
    public async Task A_change_that_died_before_the_desk_was_updated_is_mended_by_the_next_reader_without_duplicates()
    {
        var company = await NewCompanyAsync();
        var counterpartyId = CounterpartyOf(company);
        using var buyer = await NewSignedInAsync(company);
        using var staff = await fixture.SignInAsStaffAsync();
        var (id, _) = await CreateAsync(buyer, "Crash in between");
        var table = new Azure.Data.Tables.TableClient(fixture.Azurite.ConnectionString, "Support");
        var request = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(counterpartyId, "req:" + id)).Value;
        var deskKey = request.GetString("DeskRowKey");

        // As if the process died right after the counterparty's transaction: the desk still holds an older row of the
        // request, under another key, and not the current one.
        var old = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("desk", deskKey)).Value;
        await table.DeleteEntityAsync("desk", deskKey);
        var staleKey = $"d:1:0000000000000000001:{counterpartyId}:{id}";
        old.RowKey = staleKey;
        old["Subject"] = "An older subject";
        await table.AddEntityAsync(old);
        request["DeskSynced"] = false;
        request["DeskStaleKey"] = staleKey;
        await table.UpdateEntityAsync(request, request.ETag, Azure.Data.Tables.TableUpdateMode.Merge);
        var before = await DeskRowsAsync(staff, counterpartyId);
        Assert.Equal(["An older subject"], before.Select(r => r.GetProperty("subject").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync($"/api/support-requests/{id}")).StatusCode);

        var after = await DeskRowsAsync(staff, counterpartyId);
        var row = Assert.Single(after);
        Assert.Equal("Crash in between", row.GetProperty("subject").GetString());
        Assert.True(row.GetProperty("awaitingAnswer").GetBoolean());
        Assert.True((await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(counterpartyId, "req:" + id)).Value.GetBoolean("DeskSynced"));
    }

    private static async Task<List<JsonElement>> DeskRowsAsync(PortalClient staff, string counterpartyId) =>
        (await (await staff.GetAsync($"/api/manage/support-requests?counterpartyId={counterpartyId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private Task<PortalClient> NewSignedInAsync(TestUser user) => fixture.SignInAsync(user.Username, user.Password);

    private static async Task<string?> StatusAfter(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("request").GetProperty("status").GetString();
    }

    private static async Task<string?> StatusOf(PortalClient client, string id) =>
        (await (await client.GetAsync($"/api/support-requests/{id}")).ReadJsonAsync()).GetProperty("status").GetString();

    internal static async Task<(string Id, string MessageId)> CreateAsync(PortalClient client, string subject, string category = "question")
    {
        var response = await client.PostJsonAsync("/api/support-requests", new { subject, category, message = "Details of " + subject });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("messages").GetProperty("items")[0].GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> UploadAsync(PortalClient client, string path, string fileName, string content, string? key = null) =>
        client.SendRawAsync(HttpMethod.Post, $"{path}?fileName={Uri.EscapeDataString(fileName)}", content, "application/octet-stream",
            adjust: r => { if (key is not null) r.Headers.Add("Idempotency-Key", key); });

    private static string CounterpartyOf(TestUser user) => CounterpartyIds[user.Username];

    /// <summary>A counterparty of its own with one buyer, remembering its id for the staff routes.</summary>
    private async Task<TestUser> NewCompanyAsync()
    {
        var user = await fixture.CreateCounterpartyWithBuyerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        CounterpartyIds[user.Username] = (await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync()).GetProperty("counterpartyId").GetString()!;
        return user;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CounterpartyIds = new();
}
