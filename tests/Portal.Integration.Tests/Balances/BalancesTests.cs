using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Integration.Tests.LocalHost;

namespace Portal.Integration.Tests.Balances;

[Collection(PortalCollection.Name)]
public sealed class BalancesTests(PortalFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd");

    private sealed record Ledger(string CounterpartyId, PortalClient Staff, PortalClient Customer) : IDisposable
    {
        public void Dispose()
        {
            Staff.Dispose();
            Customer.Dispose();
        }
    }

    private async Task<Ledger> NewLedgerAsync()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterparty = (await (await customer.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        return new Ledger(counterparty, await fixture.SignInAsStaffAsync(), customer);
    }

    private static async Task InvoiceAsync(Ledger ledger, string number, decimal total, DateOnly date, DateOnly due, string? order = null, string? status = null)
    {
        var response = await ledger.Staff.PutJsonAsync($"/api/manage/documents/{ledger.CounterpartyId}/invoices/{number}", new
        {
            date = D(date), dueDate = D(due), status, total, lines = new[] { new { name = "Goods", quantity = 1, unitPrice = total } },
            related = order is null ? Array.Empty<object>() : [new { type = "orders", number = order }],
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task PayAsync(Ledger ledger, string number, decimal amount, DateOnly date, string? invoice = null, string? order = null, string? kind = null)
    {
        var response = await ledger.Staff.PutJsonAsync($"/api/manage/payments/{ledger.CounterpartyId}/{number}",
            new { date = D(date), amount, invoiceNumber = invoice, orderNumber = order, kind });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> BalanceAsync(Ledger ledger) => await (await ledger.Customer.GetAsync("/api/reports/customer-balance")).ReadJsonAsync();

    private static decimal Amount(JsonElement view, string name) => view.GetProperty(name).GetProperty("amount").GetDecimal();

    /// <summary>Waits until the queue worker has brought the balance to the expected net position.</summary>
    private static async Task<JsonElement> BalanceOnceAsync(Ledger ledger, decimal net)
    {
        JsonElement balance = default;
        await LocalHostTests.Eventually(async () => Amount(balance = await BalanceAsync(ledger), "net") == net);
        return balance;
    }

    [Fact]
    public async Task Invoices_payments_and_an_advance_make_the_customer_balance()
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 1000.10m, Today.AddDays(-40), Today.AddDays(-10), order: "SO-100");
        await InvoiceAsync(ledger, "INV-2", 500.25m, Today.AddDays(-2), Today.AddDays(28), order: "SO-101");
        await PayAsync(ledger, "PAY-1", 400.10m, Today.AddDays(-1), invoice: "INV-1");
        await PayAsync(ledger, "PAY-2", 99.99m, Today);

        var balance = await BalanceOnceAsync(ledger, 1000.10m + 500.25m - 400.10m - 99.99m);
        Assert.Equal(600m, Amount(balance, "overdue"));
        Assert.Equal(500.25m, Amount(balance, "notYetDue"));
        Assert.Equal(1100.25m, Amount(balance, "dueTotal"));
        Assert.Equal(99.99m, Amount(balance, "advances"));
        Assert.Equal(12, balance.GetProperty("months").GetArrayLength());
        Assert.Equal(1000.26m, balance.GetProperty("months")[11].GetProperty("closing").GetProperty("amount").GetDecimal());

        var orders = await (await ledger.Customer.GetAsync("/api/reports/customer-balance/orders")).ReadJsonAsync();
        var byNumber = orders.GetProperty("items").EnumerateArray().ToDictionary(o => o.GetProperty("orderNumber").GetString()!);
        Assert.Equal((1000.10m, 400.10m, 600m), (Amount(byNumber["SO-100"], "invoiced"), Amount(byNumber["SO-100"], "paid"), Amount(byNumber["SO-100"], "due")));
        Assert.Equal(500.25m, Amount(byNumber["SO-101"], "due"));
    }

    [Fact]
    public async Task A_customer_balance_costs_at_most_two_storage_requests()
    {
        using var ledger = await NewLedgerAsync();
        await PayAsync(ledger, "PAY-1", 10m, Today);
        await BalanceOnceAsync(ledger, -10m);

        var response = await ledger.Customer.GetAsync("/api/reports/customer-balance");
        Assert.True(response.StorageRequests() <= 2, $"{response.StorageRequests()} storage requests");
    }

    [Fact]
    public async Task A_payment_posted_five_times_at_once_counts_once()
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 300m, Today, Today.AddDays(30));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PayAsync(ledger, "PAY-1", 120.5m, Today, invoice: "INV-1")));
        await PayAsync(ledger, "PAY-MARK", 0.01m, Today);

        var balance = await BalanceOnceAsync(ledger, 300m - 120.5m - 0.01m);
        await Task.Delay(1000); // a stray second application would have happened by now
        balance = await BalanceAsync(ledger);
        Assert.Equal(179.5m, Amount(balance, "dueTotal"));
        var statement = await (await ledger.Customer.GetAsync($"/api/reports/statement?from={D(Today)}&to={D(Today)}")).ReadJsonAsync();
        Assert.Single(statement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("number").GetString() == "PAY-1");
    }

    [Fact]
    public async Task Forty_different_payments_posted_at_once_all_count_exactly()
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 1000m, Today, Today.AddDays(30));
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => PayAsync(ledger, $"PAY-{i}", 0.01m * i, Today, invoice: i % 2 == 0 ? "INV-1" : null)));

        // 0.01 × (1 + … + 40) = 8.20
        var balance = await BalanceOnceAsync(ledger, 1000m - 8.20m);
        Assert.Equal(1000m - 4.20m, Amount(balance, "dueTotal")); // the even ones: 0.02 × (1 + … + 20)
        Assert.Equal(4.00m, Amount(balance, "advances"));
    }

    [Fact]
    public async Task Redelivered_messages_change_nothing()
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 250m, Today, Today.AddDays(30));
        await PayAsync(ledger, "PAY-1", 100m, Today, invoice: "INV-1");
        var before = await BalanceOnceAsync(ledger, 150m);

        var queue = new QueueClient(fixture.Azurite.ConnectionString, "ledger", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var payment = Portal.Core.Features.Balances.LedgerKeys.Payment(ledger.CounterpartyId, "PAY-1");
        var invoice = Portal.Core.Features.Documents.DocumentKeys.Id(ledger.CounterpartyId, "invoices", "INV-1");
        foreach (var id in new[] { payment, payment, invoice, payment, invoice })
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(new { counterpartyId = ledger.CounterpartyId, entryId = id }));
        }
        await LocalHostTests.Eventually(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        await Task.Delay(1000);

        var after = await BalanceAsync(ledger);
        Assert.Equal(before.GetProperty("dueTotal").GetRawText(), after.GetProperty("dueTotal").GetRawText());
        Assert.Equal(before.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
        Assert.Equal(150m, Amount(after, "net"));
    }

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit")]
    public async Task A_worker_that_dies_halfway_is_retried_and_the_payment_counts_once(string step)
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 80m, Today.AddDays(-20), Today.AddDays(-5));
        await BalanceOnceAsync(ledger, 80m);
        var number = "CRASH-" + Guid.NewGuid().ToString("N")[..8];
        fixture.LedgerFaults.CrashOnce(number, step);

        await PayAsync(ledger, number, 30m, Today, invoice: "INV-1");

        var balance = await BalanceOnceAsync(ledger, 50m);
        Assert.Equal(50m, Amount(balance, "overdue"));
        var statement = await (await ledger.Customer.GetAsync($"/api/reports/statement?from={D(Today)}&to={D(Today)}")).ReadJsonAsync();
        Assert.Equal(1, statement.GetProperty("lines").EnumerateArray().Count(l => l.GetProperty("number").GetString() == number));
        using var staff = await fixture.SignInAsStaffAsync();
        await LocalHostTests.Eventually(async () =>
        {
            var all = await AllBalancesAsync(staff);
            return all.Any(b => b.GetProperty("counterpartyId").GetString() == ledger.CounterpartyId && Amount(b, "overdue") == 50m);
        });
    }

    [Fact]
    public async Task A_changed_invoice_applies_the_difference_and_a_canceled_one_counts_zero()
    {
        using var ledger = await NewLedgerAsync();
        await InvoiceAsync(ledger, "INV-1", 100m, Today, Today.AddDays(10));
        await BalanceOnceAsync(ledger, 100m);
        await PayAsync(ledger, "PAY-WRONG", 60m, Today, invoice: "INV-1");
        await BalanceOnceAsync(ledger, 40m);
        await PayAsync(ledger, "PAY-WRONG", 0m, Today, invoice: "INV-1"); // recorded by mistake: voided
        await BalanceOnceAsync(ledger, 100m);
        await InvoiceAsync(ledger, "INV-1", 133.33m, Today, Today.AddDays(10));
        await BalanceOnceAsync(ledger, 133.33m);
        // Re-dated into the month before: its statement line moves with it.
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddDays(-3);
        await InvoiceAsync(ledger, "INV-1", 133.34m, lastMonth, Today.AddDays(10));
        await BalanceOnceAsync(ledger, 133.34m);
        async Task<List<string?>> NumbersAsync(DateOnly from, DateOnly to) =>
            (await (await ledger.Customer.GetAsync($"/api/reports/statement?from={D(from)}&to={D(to)}")).ReadJsonAsync())
            .GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("number").GetString()).ToList();
        Assert.DoesNotContain("INV-1", await NumbersAsync(Today, Today));
        Assert.Equal(["INV-1"], await NumbersAsync(lastMonth, lastMonth));

        await InvoiceAsync(ledger, "INV-1", 133.33m, lastMonth, Today.AddDays(10), status: "canceled");
        var balance = await BalanceOnceAsync(ledger, 0m);
        Assert.Equal(0m, Amount(balance, "dueTotal"));
        Assert.Empty(await NumbersAsync(lastMonth, lastMonth));

        // A credit note larger than the invoice it names: the invoice is settled, the rest is an advance.
        await InvoiceAsync(ledger, "INV-2", 40m, Today, Today.AddDays(10));
        (await ledger.Staff.PutJsonAsync($"/api/manage/documents/{ledger.CounterpartyId}/credit-notes/CN-1", new
        {
            date = D(Today), total = 55.55m, related = new[] { new { type = "invoices", number = "INV-2" } },
        })).EnsureSuccessStatusCode();
        balance = await BalanceOnceAsync(ledger, 40m - 55.55m);
        Assert.Equal(0m, Amount(balance, "dueTotal"));
        Assert.Equal(15.55m, Amount(balance, "advances"));
    }

    [Fact]
    public async Task A_statement_across_month_boundaries_equals_the_sum_of_its_entries()
    {
        using var ledger = await NewLedgerAsync();
        var month = new DateOnly(Today.Year, Today.Month, 1);
        var entries = new List<(DateOnly Date, decimal Debit, decimal Credit)>();
        for (var i = 0; i < 6; i++)
        {
            var date = month.AddMonths(-i - 1).AddDays(i * 3 + 1);
            var amount = 100m + i * 10.01m;
            await InvoiceAsync(ledger, $"INV-{i}", amount, date, date.AddDays(30));
            await PayAsync(ledger, $"PAY-{i}", amount / 3m > 0 ? decimal.Round(amount / 3m, 2) : 1m, date.AddDays(5), invoice: $"INV-{i}");
            entries.Add((date, amount, 0m));
            entries.Add((date.AddDays(5), 0m, decimal.Round(amount / 3m, 2)));
        }
        var net = entries.Sum(e => e.Debit - e.Credit);
        await BalanceOnceAsync(ledger, net);

        // A period that starts mid-month, four months back, and ends mid-month two months back.
        var from = month.AddMonths(-4).AddDays(9);
        var to = month.AddMonths(-2).AddDays(14);
        var statement = await (await ledger.Customer.GetAsync($"/api/reports/statement?from={D(from)}&to={D(to)}")).ReadJsonAsync();
        var opening = entries.Where(e => e.Date < from).Sum(e => e.Debit - e.Credit);
        var inPeriod = entries.Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ToList();
        Assert.Equal(opening, Amount(statement.GetProperty("opening"), "net"));
        Assert.Equal(Math.Max(0, opening), Amount(statement.GetProperty("opening"), "receivable"));
        var lines = statement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(inPeriod.Count, lines.Count);
        Assert.Equal(inPeriod.Sum(e => e.Debit), Amount(statement, "totalDebit"));
        Assert.Equal(inPeriod.Sum(e => e.Credit), Amount(statement, "totalCredit"));
        Assert.Equal(opening + inPeriod.Sum(e => e.Debit - e.Credit), Amount(statement.GetProperty("closing"), "net"));
        Assert.Equal(Amount(statement.GetProperty("closing"), "net"), Amount(lines[^1], "balance"));

        // Consecutive statements join up: one's closing is the next one's opening.
        var next = await (await ledger.Customer.GetAsync($"/api/reports/statement?from={D(to.AddDays(1))}&to={D(Today)}")).ReadJsonAsync();
        Assert.Equal(Amount(statement.GetProperty("closing"), "net"), Amount(next.GetProperty("opening"), "net"));
        Assert.Equal(net, Amount(next.GetProperty("closing"), "net"));

        var csv = await ledger.Customer.GetAsync($"/api/reports/statement/export.csv?from={D(from)}&to={D(to)}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Opening balance", text);
        Assert.Contains("INV-3", text);
        Assert.Equal(inPeriod.Count + 3, text.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task A_customer_sees_only_its_own_ledger()
    {
        using var mine = await NewLedgerAsync();
        using var theirs = await NewLedgerAsync();
        await PayAsync(theirs, "PAY-1", 77m, Today);
        await BalanceOnceAsync(theirs, -77m);

        var balance = await BalanceAsync(mine);
        Assert.Equal(0m, Amount(balance, "net"));
        var statement = await (await mine.Customer.GetAsync("/api/reports/statement")).ReadJsonAsync();
        Assert.Empty(statement.GetProperty("lines").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.Customer.GetAsync($"/api/manage/balances/{theirs.CounterpartyId}")).StatusCode);
    }

    [Fact]
    public async Task Bad_payments_are_refused_per_field_and_write_nothing()
    {
        using var ledger = await NewLedgerAsync();
        var response = await ledger.Staff.PutJsonAsync($"/api/manage/payments/{ledger.CounterpartyId}/PAY-1",
            new { date = D(Today), amount = -5m, invoiceNumber = "bad number!" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("invoiceNumber", out _));
        Assert.Equal(0, response.StorageWrites());

        var precise = await ledger.Staff.PutJsonAsync($"/api/manage/payments/{ledger.CounterpartyId}/PAY-1", new { date = D(Today), amount = 1.005m });
        Assert.True((await precise.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _));

        var unknown = await ledger.Staff.PutJsonAsync("/api/manage/payments/no-such-counterparty/PAY-1", new { date = D(Today), amount = 5m });
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, unknown.StorageWrites());

        var badPeriod = await ledger.Customer.GetAsync($"/api/reports/statement?from={D(Today)}&to={D(Today.AddDays(-1))}");
        Assert.True((await badPeriod.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _));
        var endOfTime = await ledger.Customer.GetAsync("/api/reports/statement/export.csv?from=9999-12-31");
        Assert.True((await endOfTime.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task Staff_see_every_balance_with_the_overdue_first_and_refunds_pay_back_advances()
    {
        using var overdue = await NewLedgerAsync();
        using var current = await NewLedgerAsync();
        await InvoiceAsync(overdue, "INV-1", 10m, new DateOnly(2001, 1, 1), new DateOnly(2001, 1, 31));
        await InvoiceAsync(current, "INV-1", 10m, Today, Today.AddDays(30));
        await PayAsync(current, "PAY-1", 50m, Today);
        await PayAsync(current, "REF-1", 20m, Today, kind: "refund");
        await BalanceOnceAsync(overdue, 10m);
        var balance = await BalanceOnceAsync(current, -20m);
        Assert.Equal(30m, Amount(balance, "advances"));

        List<JsonElement> all = [];
        await LocalHostTests.Eventually(async () =>
        {
            all = await AllBalancesAsync(overdue.Staff);
            return all.Any(b => b.GetProperty("counterpartyId").GetString() == current.CounterpartyId && Amount(b, "net") == -20m)
                   && all.Any(b => b.GetProperty("counterpartyId").GetString() == overdue.CounterpartyId);
        });
        var ids = all.Select(b => b.GetProperty("counterpartyId").GetString()).ToList();
        Assert.True(ids.IndexOf(overdue.CounterpartyId) < ids.IndexOf(current.CounterpartyId));
        var line = all.Single(b => b.GetProperty("counterpartyId").GetString() == overdue.CounterpartyId);
        Assert.Equal(10m, Amount(line, "overdue"));
        Assert.StartsWith("Test Customer", line.GetProperty("name").GetString());

        // One counterparty's balance and statement, as its customer sees them; an unknown one is not found.
        var one = await (await overdue.Staff.GetAsync($"/api/manage/balances/{overdue.CounterpartyId}")).ReadJsonAsync();
        Assert.Equal(10m, Amount(one, "overdue"));
        var statement = await (await overdue.Staff.GetAsync($"/api/manage/balances/{overdue.CounterpartyId}/statement?from=2001-01-01&to=2001-01-31")).ReadJsonAsync();
        Assert.Equal("INV-1", Assert.Single(statement.GetProperty("lines").EnumerateArray()).GetProperty("number").GetString());
        await (await overdue.Staff.GetAsync("/api/manage/balances/no-such-counterparty")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<List<JsonElement>> AllBalancesAsync(PortalClient staff)
    {
        var all = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var page = await (await staff.GetAsync("/api/manage/balances?pageSize=100" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)))).ReadJsonAsync();
            all.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        while (continuation is not null);
        return all;
    }
}

[Collection(PortalCollection.Name)]
public sealed class ReconciliationTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_customer_confirms_one_statement_and_disputes_another_which_staff_then_see()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var customer = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterparty = (await (await customer.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        using var staff = await fixture.SignInAsStaffAsync();
        foreach (var number in new[] { "RS-2026-09", "RS-2026-10" })
        {
            (await staff.PutJsonAsync($"/api/manage/documents/{counterparty}/reconciliation-statements/{number}",
                new { date = "2026-11-05", periodFrom = "2026-09-01", periodTo = "2026-10-31", total = 1234.56m })).EnsureSuccessStatusCode();
        }
        var id = (string number) => Portal.Core.Features.Documents.DocumentKeys.Id(counterparty, "reconciliation-statements", number);

        var confirmed = await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-09")}/confirm", new { });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.ReadJsonAsync();
        Assert.Equal("confirmed", view.GetProperty("status").GetString());
        Assert.Equal(buyer.Username, view.GetProperty("response").GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.OK, (await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-09")}/confirm", new { })).StatusCode);
        await (await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-09")}/dispute", new { comment = "Too late" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var empty = await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-10")}/dispute", new { comment = " " });
        Assert.True((await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("comment", out _));
        var disputed = await (await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-10")}/dispute",
            new { comment = "Payment PAY-7 of 2026-10-12 is missing." })).ReadJsonAsync();
        Assert.Equal("disputed", disputed.GetProperty("status").GetString());
        Assert.Equal("Payment PAY-7 of 2026-10-12 is missing.", disputed.GetProperty("response").GetProperty("comment").GetString());

        var list = await (await customer.GetAsync("/api/documents/reconciliation-statements?status=disputed")).ReadJsonAsync();
        Assert.Equal("RS-2026-10", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());

        var disputes = await (await staff.GetAsync("/api/manage/reconciliation-disputes")).ReadJsonAsync();
        var dispute = Assert.Single(disputes.GetProperty("items").EnumerateArray(), d => d.GetProperty("counterpartyId").GetString() == counterparty);
        Assert.Equal(("RS-2026-10", "Payment PAY-7 of 2026-10-12 is missing.", buyer.Username),
            (dispute.GetProperty("number").GetString(), dispute.GetProperty("comment").GetString(), dispute.GetProperty("by").GetString()));

        // The dispute opened a support request about the statement, once, even when the same dispute is sent again.
        Assert.Equal(HttpStatusCode.OK, (await customer.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-10")}/dispute",
            new { comment = "Payment PAY-7 of 2026-10-12 is missing." })).StatusCode);
        var requests = await (await customer.GetAsync($"/api/support-requests?linkedType=reconciliation-statements&linkedId={id("RS-2026-10")}")).ReadJsonAsync();
        var request = Assert.Single(requests.GetProperty("items").EnumerateArray());
        Assert.Equal("Reconciliation statement RS-2026-10 disputed", request.GetProperty("subject").GetString());
        Assert.Equal("documentInaccuracy", request.GetProperty("category").GetString());

        // Another counterparty's statement is not found, and an invoice cannot be confirmed.
        var other = await fixture.CreateCounterpartyWithBuyerAsync();
        using var stranger = await fixture.SignInAsync(other.Username, other.Password);
        await (await stranger.PostJsonAsync($"/api/documents/reconciliation-statements/{id("RS-2026-09")}/confirm", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
