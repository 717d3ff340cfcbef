using Microsoft.Playwright;

namespace Portal.E2E.Tests;

/// <summary>
/// The phone layout check itself, on pages made to break the way the cart and the orders list once broke at
/// 360 px; a check that cannot fail would let every page pass.
/// </summary>
public sealed class PhoneLayoutTests(E2EFixture fixture) : BrowserTest(fixture)
{
    // The cart line as it was: a fixed-layout table shares 360 px out equally, the quantity field with its unit
    // spills into the price column, and the Remove button ends beyond the screen's right edge.
    private const string SqueezedCartLine = """
        <table style="table-layout: fixed; width: 480px; border-collapse: collapse; font: 14px sans-serif">
          <tr>
            <td style="width: 150px"><span style="display: inline-flex; width: 140px"><input style="width: 138px; flex: none" value="3" aria-label="Quantity"><span>pcs</span></span></td>
            <td>€64.90</td>
            <td><button>Remove</button></td>
          </tr>
        </table>
        """;

    [Fact]
    public Task The_check_names_a_price_drawn_over_the_unit_and_a_button_cut_off_at_the_edge() => InPhonePageAsync(SqueezedCartLine, async page =>
    {
        var problems = await PhoneLayout.FindProblemsAsync(page);

        Assert.Contains(problems, p => p.StartsWith("overlap in tr:", StringComparison.Ordinal) && p.Contains("\"pcs\"", StringComparison.Ordinal) && p.Contains("\"€64.90\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("cut off at the screen's edge", StringComparison.Ordinal) && p.Contains("button \"Remove\"", StringComparison.Ordinal));
        // Each problem gives the boxes, so a failure on a page nobody has seen yet can be located.
        Assert.All(problems, p => Assert.Matches(@"\(-?\d+,-?\d+ \d+×\d+\)", p));
    });

    [Fact]
    public Task The_check_accepts_a_wide_table_that_scrolls_in_its_own_box_and_text_that_wraps() => InPhonePageAsync(
        """
        <div style="overflow-x: auto; max-width: 100%" tabindex="0" role="region" aria-label="Orders">
          <table style="font: 14px sans-serif"><tr>
            <td style="white-space: nowrap"><a href="#a">SO-000101</a></td><td style="white-space: nowrap">Central warehouse</td>
            <td style="white-space: nowrap">PO-47482 for the spring season</td><td><button>Repeat</button></td>
          </tr></table>
        </div>
        <ul><li style="overflow-wrap: anywhere; font: 14px sans-serif">Safety helmet, white, with an adjustable headband and a chin strap <span>€64.90</span></li></ul>
        <span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">A label only screen readers read, far wider than its box</span>
        """,
        async page => Assert.Empty(await PhoneLayout.FindProblemsAsync(page)));

    [Fact]
    public Task The_check_finds_column_headers_drawn_over_each_other() => InPhonePageAsync(
        """
        <table style="table-layout: fixed; width: 340px; font: 14px sans-serif"><tr role="row">
          <th style="white-space: nowrap">Your reference</th><th style="white-space: nowrap">Lines</th>
          <th>Number</th><th>Date</th><th>Status</th><th>Total</th><th>Warehouse</th>
        </tr></table>
        """,
        async page =>
        {
            var problems = await PhoneLayout.FindProblemsAsync(page);
            Assert.Contains(problems, p => p.Contains("\"Your reference\"", StringComparison.Ordinal) && p.Contains("\"Lines\"", StringComparison.Ordinal));
        });

    private async Task InPhonePageAsync(string html, Func<IPage, Task> check)
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneLayout.Width, Height = PhoneLayout.Height },
        });
        var page = await context.NewPageAsync();
        await page.SetContentAsync($"<!doctype html><html lang=\"en\"><body style=\"margin: 8px\">{html}</body></html>");
        await check(page);
    }
}
