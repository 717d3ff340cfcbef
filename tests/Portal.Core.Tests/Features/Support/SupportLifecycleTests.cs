using Portal.Core.Features.Support;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Tests.Features.Support;

public sealed class SupportLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SupportStatus.Open, SupportAction.StartProgress, SupportStatus.InProgress)]
    [InlineData(SupportStatus.Open, SupportAction.Resolve, SupportStatus.Resolved)]
    [InlineData(SupportStatus.InProgress, SupportAction.Resolve, SupportStatus.Resolved)]
    [InlineData(SupportStatus.Resolved, SupportAction.StartProgress, SupportStatus.InProgress)]
    [InlineData(SupportStatus.Resolved, SupportAction.Close, SupportStatus.Closed)]
    [InlineData(SupportStatus.Open, SupportAction.Close, SupportStatus.Closed)]
    [InlineData(SupportStatus.InProgress, SupportAction.Close, SupportStatus.Closed)]
    [InlineData(SupportStatus.Resolved, SupportAction.CustomerReply, SupportStatus.Open)]
    [InlineData(SupportStatus.InProgress, SupportAction.CustomerReply, SupportStatus.InProgress)]
    [InlineData(SupportStatus.Open, SupportAction.StaffReply, SupportStatus.Open)]
    [InlineData(SupportStatus.Resolved, SupportAction.StaffReply, SupportStatus.Resolved)]
    public void Allowed_moves(SupportStatus from, SupportAction action, SupportStatus to) =>
        Assert.Equal(to, SupportLifecycle.Next(from, action, Now.AddDays(-1), Now));

    [Theory]
    [InlineData(SupportStatus.InProgress, SupportAction.StartProgress)]
    [InlineData(SupportStatus.Resolved, SupportAction.Resolve)]
    [InlineData(SupportStatus.Closed, SupportAction.Close)]
    [InlineData(SupportStatus.Open, SupportAction.Reopen)]
    public void Doing_again_what_is_done_changes_nothing(SupportStatus status, SupportAction action) =>
        Assert.Equal(status, SupportLifecycle.Next(status, action, Now.AddDays(-1), Now));

    [Theory]
    [InlineData(SupportStatus.Closed, 0)]
    [InlineData(SupportStatus.Closed, 14)]
    [InlineData(SupportStatus.Resolved, 13)]
    public void A_resolved_or_closed_request_reopens_within_fourteen_days(SupportStatus status, int daysAgo) =>
        Assert.Equal(SupportStatus.Open, SupportLifecycle.Next(status, SupportAction.Reopen, Now.AddDays(-daysAgo), Now));

    [Fact]
    public void After_fourteen_days_a_closed_request_stays_closed_and_the_customer_is_told_to_create_a_new_one()
    {
        var settled = Now.AddDays(-14).AddMinutes(-1);
        var reopen = Assert.Throws<PortalProblemException>(() => SupportLifecycle.Next(SupportStatus.Closed, SupportAction.Reopen, settled, Now));
        Assert.Equal(409, reopen.Status);
        Assert.Contains("create a new request", reopen.Detail);
        var reply = Assert.Throws<PortalProblemException>(() => SupportLifecycle.Next(SupportStatus.Closed, SupportAction.CustomerReply, settled, Now));
        Assert.Contains("create a new request", reply.Detail);
        Assert.False(SupportLifecycle.CanReopen(SupportStatus.Closed, settled, Now));
        Assert.Equal(settled.AddDays(14), SupportLifecycle.ReopenUntil(SupportStatus.Closed, settled));
    }

    [Theory]
    [InlineData(SupportAction.CustomerReply, "reopen it")]
    [InlineData(SupportAction.StaffReply, "customer closed")]
    [InlineData(SupportAction.StartProgress, "customer closed")]
    [InlineData(SupportAction.Resolve, "customer closed")]
    public void Nobody_writes_into_or_moves_a_closed_request(SupportAction action, string reason)
    {
        var problem = Assert.Throws<PortalProblemException>(() => SupportLifecycle.Next(SupportStatus.Closed, action, Now.AddDays(-1), Now));
        Assert.Equal(409, problem.Status);
        Assert.Contains(reason, problem.Detail);
    }

    [Fact]
    public void An_in_progress_request_is_not_reopened_it_is_still_open()
    {
        Assert.Equal(SupportStatus.InProgress, SupportLifecycle.Next(SupportStatus.InProgress, SupportAction.Reopen, null, Now));
        Assert.Null(SupportLifecycle.ReopenUntil(SupportStatus.InProgress, null));
    }

    [Theory]
    [InlineData(SupportStatus.Open, false, true)]
    [InlineData(SupportStatus.InProgress, false, true)]
    [InlineData(SupportStatus.Open, true, false)]
    [InlineData(SupportStatus.Resolved, false, false)]
    [InlineData(SupportStatus.Closed, false, false)]
    public void The_supplier_owes_an_answer_while_the_last_word_in_an_active_request_is_the_customers(SupportStatus status, bool lastFromSupplier, bool awaits) =>
        Assert.Equal(awaits, SupportLifecycle.AwaitsSupplier(status, lastFromSupplier));

    [Theory]
    [InlineData("Hello\n\tworld", true, true)]
    [InlineData("bell \u0007", true, false)]
    [InlineData("two\nlines", false, false)]
    [InlineData("   ", true, false)]
    [InlineData("<b>kept as text</b>", true, true)]
    public void Text_is_plain_with_tabs_and_line_breaks_only_where_a_message_allows_them(string text, bool multiline, bool valid)
    {
        var errors = new ValidationErrors();
        SupportText.Validate(errors, "body", text, SupportText.MaxBody, multiline);
        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_and_line_endings_are_stored_as_newlines()
    {
        var errors = new ValidationErrors();
        SupportText.Validate(errors, "body", new string('x', SupportText.MaxBody + 1), SupportText.MaxBody, multiline: true);
        Assert.False(errors.IsEmpty);
        Assert.Equal("a\nb\nc", SupportText.Clean("  a\r\nb\rc \n"));
    }

    [Fact]
    public void The_list_key_puts_active_requests_before_closed_ones_and_newer_activity_first()
    {
        var closedNew = SupportKeys.List(SupportStatus.Closed, Now, "a");
        var openOld = SupportKeys.List(SupportStatus.Open, Now.AddDays(-30), "b");
        var resolvedNew = SupportKeys.List(SupportStatus.Resolved, Now, "c");
        Assert.Equal([resolvedNew, openOld, closedNew], new[] { closedNew, openOld, resolvedNew }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_desk_key_puts_requests_awaiting_an_answer_first_then_other_active_ones_then_closed_ones()
    {
        var waitingOld = SupportKeys.Desk(SupportStatus.Open, false, Now.AddDays(-3), "cp", "a");
        var answeredNew = SupportKeys.Desk(SupportStatus.Open, true, Now, "cp", "b");
        var closedNew = SupportKeys.Desk(SupportStatus.Closed, false, Now, "cp", "c");
        Assert.Equal([waitingOld, answeredNew, closedNew], new[] { closedNew, answeredNew, waitingOld }.Order(StringComparer.Ordinal));
    }
}
