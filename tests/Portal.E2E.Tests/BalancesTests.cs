using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// Balances and statements: Anna's three balance reports from the Reports menu, the clerk's balances with a payment
/// recorded by hand, and reconciliation statements confirmed and disputed by the customer and seen by staff.
/// </summary>
public sealed class BalancesTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Anna_reads_her_balance_by_orders_and_her_statement_of_account() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        // The demo's invoices and payments reach the balance through the ledger queue; wait until the payment is in.
        var balance = await WaitForAsync(page, "/api/reports/customer-balance", b => b.GetProperty("advances").GetProperty("amount").GetDecimal() > 0);

        await GoToMenuAsync(page, "Customer balance");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer balance", Level = 1 })).ToBeFocusedAsync();
        var figures = page.Locator("main dl").First;
        await Expect(figures).ToContainTextAsync("Overdue");
        await Expect(figures).ToContainTextAsync("Advances paid");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Balance at each month end") })).ToBeVisibleAsync();
        // The demo's second invoice was due five days ago and is unpaid.
        var open = page.GetByRole(AriaRole.Table, new() { Name = "Open amounts by due date" });
        await Expect(open.GetByRole(AriaRole.Row).Filter(new() { HasText = "Overdue" })).Not.ToHaveCountAsync(0);
        Assert.True(balance.GetProperty("overdue").GetProperty("amount").GetDecimal() > 0);
        await ExpectAccessibleAsync(page);

        await GoToMenuAsync(page, "Customer balance (by orders)");
        var orders = page.GetByRole(AriaRole.Table, new() { Name = "Balance by orders" });
        await Expect(orders.GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        await Expect(orders).ToContainTextAsync("SO-");
        await ExpectAccessibleAsync(page);

        await GoToMenuAsync(page, "Statement of account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statement of account", Level = 1 })).ToBeFocusedAsync();
        var movements = page.GetByRole(AriaRole.Table, new() { Name = "Movements" });
        await Expect(movements.GetByRole(AriaRole.Link, new() { Name = "Invoice INV-2026-0001" })).ToHaveAttributeAsync("href", new Regex("^/documents/invoices/.+"));
        await Expect(movements).ToContainTextAsync("Payment PAY-2026-0001 (for invoice INV-2026-0001)");
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Opening balance") })).ToContainTextAsync("Receivables (you owe)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", new Regex(@"^/api/reports/statement/export\.csv\?from=\d{4}-\d\d-01&to="));
        await ExpectAccessibleAsync(page);

        // A custom period before anything happened: an empty statement whose opening and closing are zero.
        await page.GetByLabel("Period").SelectOptionAsync("custom");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From", Exact = true }).FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "To", Exact = true }).FillAsync("2020-12-31");
        await Expect(page.GetByText("No invoices, credit notes or payments in this period.")).ToBeVisibleAsync();
        Assert.Contains("period=custom", page.Url);
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_clerk_records_a_payment_and_sees_the_balance_change() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk);
        await GoToMenuAsync(page, "Customer balances");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer balances", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Customer balances" })).ToContainTextAsync("Northwind Traders");
        await ExpectAccessibleAsync(page);

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a payment" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(form.GetByText("Choose the customer.")).ToBeVisibleAsync();
        await Expect(form.GetByText("Enter an amount above 0.")).ToBeVisibleAsync();

        var number = "PAY-E2E-" + Guid.NewGuid().ToString("N")[..6];
        await form.GetByLabel("Customer").SelectOptionAsync("fabrikam");
        await form.GetByLabel("Number").FillAsync(number);
        await form.GetByLabel("Amount").FillAsync("1234.56");
        await form.GetByLabel("Notes").FillAsync("Bank transfer, reference 889-221");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(form.GetByText($"Payment {number} recorded")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        // The ledger worker applies it within moments; the list looks again by itself.
        var fabrikam = page.GetByRole(AriaRole.Table, new() { Name = "Customer balances" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Fabrikam Builders" });
        await Expect(fabrikam).ToContainTextAsync("1,234.56", new() { Timeout = 15_000 });
    });

    [Fact]
    public Task Anna_confirms_one_reconciliation_statement_and_disputes_another_which_the_clerk_sees() => InBrowserAsync(async page =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (confirm, dispute) = ($"RS-C-{suffix}", $"RS-D-{suffix}");
        await SignInAsync(page, DemoUser.Clerk);
        foreach (var number in new[] { confirm, dispute })
        {
            await ApiAsync(page, "PUT", $"/api/manage/documents/northwind/reconciliation-statements/{number}",
                new { date = "2026-11-02", periodFrom = "2026-10-01", periodTo = "2026-10-31", total = 4321.09m, notes = "Please confirm the balance." });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "Reconciliation statements");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Reconciliation statements" });
        await list.GetByRole(AriaRole.Link, new() { Name = confirm }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Do these figures agree with your books?" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByText("You confirmed this statement.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Confirmed by anna@northwind.example")).ToBeVisibleAsync();

        await GoToMenuAsync(page, "Reconciliation statements");
        await list.GetByRole(AriaRole.Link, new() { Name = dispute }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispute" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send dispute" }).ClickAsync();
        await Expect(page.GetByText("Say what does not agree")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByLabel("What does not agree?").FillAsync("Our payment of 12 October (1,000.00) is missing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send dispute" }).ClickAsync();
        await Expect(page.GetByText("You disputed this statement.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Our payment of 12 October (1,000.00) is missing.")).ToBeVisibleAsync();
        await GoToMenuAsync(page, "Reconciliation statements");
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = dispute })).ToContainTextAsync("Disputed");
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = confirm })).ToContainTextAsync("Confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, DemoUser.Clerk);
        await GoToMenuAsync(page, "Disputed reconciliation statements");
        var disputes = page.GetByRole(AriaRole.Table, new() { Name = "Disputed reconciliation statements" });
        var row = disputes.GetByRole(AriaRole.Row).Filter(new() { HasText = dispute });
        await Expect(row).ToContainTextAsync("Northwind Traders");
        await Expect(row).ToContainTextAsync("Our payment of 12 October (1,000.00) is missing.");
        await Expect(disputes).Not.ToContainTextAsync(confirm);
        await ExpectAccessibleAsync(page);
    });
}
