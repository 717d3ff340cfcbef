using Portal.LocalHost;

namespace Portal.Integration.Tests.LocalHost;

/// <summary>The demo's year of history as a plan: what a person trying the demo would notice about its rhythm.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void The_same_seeding_day_gives_the_same_history()
    {
        Assert.Equal(DemoHistory.Plan(Today).Select(Describe), DemoHistory.Plan(Today).Select(Describe));
        // Seeded on another day, it ends on that day.
        Assert.True(DemoHistory.Plan(Today.AddDays(40)).Max(o => o.Placed) > DemoHistory.Plan(Today).Max(o => o.Placed).AddDays(10));
    }

    [Fact]
    public void The_history_covers_the_past_twelve_months_and_ends_two_weeks_before_the_seeding_day()
    {
        var plan = DemoHistory.Plan(Today);
        var months = plan.Where(o => o.Username == "anna@northwind.example").Select(o => (o.Placed.Year, o.Placed.Month)).Distinct().Count();
        Assert.InRange(months, 12, 13);
        Assert.All(plan, o => Assert.InRange(DateOnly.FromDateTime(o.Placed.UtcDateTime), Today.AddDays(-366), Today.AddDays(-14)));
        // Northwind about weekly, Contoso about fortnightly, Fabrikam about every three weeks.
        Assert.InRange(plan.Count(o => o.CounterpartyId == "northwind"), 40, 65);
        Assert.InRange(plan.Count(o => o.CounterpartyId == "contoso"), 18, 34);
        Assert.InRange(plan.Count(o => o.CounterpartyId == "fabrikam"), 12, 24);
    }

    [Fact]
    public void Orders_are_placed_on_working_days_busier_in_summer_than_in_winter_and_not_over_the_holidays()
    {
        var plan = DemoHistory.Plan(Today);
        Assert.All(plan, o => Assert.False(o.Placed.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{o.Reference} is placed at a weekend"));
        Assert.DoesNotContain(plan, o => o.Placed is { Month: 12, Day: >= 22 } or { Month: 1, Day: <= 3 });
        var summer = plan.Count(o => o.Placed.Month is >= 5 and <= 7);
        var winter = plan.Count(o => o.Placed.Month is 11 or 12 or 1);
        Assert.True(summer > winter, $"{summer} orders in May–July, {winter} in November–January");
    }

    [Fact]
    public void Goods_ship_after_the_order_invoices_are_paid_weeks_later_and_the_latest_are_still_open_some_overdue()
    {
        var plan = DemoHistory.Plan(Today);
        Assert.All(plan, o => Assert.InRange(o.Shipped.DayNumber - DateOnly.FromDateTime(o.Placed.UtcDateTime).DayNumber, 1, 6));
        Assert.All(plan.Where(o => o.Paid is not null), o => Assert.InRange(o.Paid!.Value.DayNumber - o.Shipped.DayNumber, 15, 75));
        Assert.All(plan.Where(o => o.Paid is not null), o => Assert.True(o.Paid < Today));
        // Unpaid invoices are the recent ones; a few of them are past their 30 days.
        var open = plan.Where(o => o.Paid is null).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, o => Assert.True(o.Shipped > Today.AddDays(-80), $"{o.Reference} from {o.Shipped} is still unpaid"));
        Assert.Contains(open, o => o.Shipped.AddDays(30) < Today);
        Assert.True(plan.Count(o => o.Paid is not null) > plan.Count * 3 / 4);
    }

    private static string Describe(DemoHistory.PastOrder o) =>
        $"{o.Username} {o.Placed:O} {string.Join(",", o.Lines.Select(l => $"{l.Sku}×{l.Quantity}"))} {o.Reference} {o.Shipped} {o.Paid}";
}
