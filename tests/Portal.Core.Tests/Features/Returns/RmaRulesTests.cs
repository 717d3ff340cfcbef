using Portal.Core.Features.Returns;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Tests.Features.Returns;

public sealed class RmaLifecycleTests
{
    [Theory]
    [InlineData(RmaStatus.Draft, RmaAction.Send, RmaStatus.Sent)]
    [InlineData(RmaStatus.Sent, RmaAction.Accept, RmaStatus.InProgress)]
    [InlineData(RmaStatus.Sent, RmaAction.Reject, RmaStatus.Rejected)]
    [InlineData(RmaStatus.InProgress, RmaAction.Reject, RmaStatus.Rejected)]
    [InlineData(RmaStatus.InProgress, RmaAction.Complete, RmaStatus.Completed)]
    public void Allowed_moves(RmaStatus from, RmaAction action, RmaStatus to) => Assert.Equal(to, RmaLifecycle.Next(from, action));

    [Theory]
    [InlineData(RmaStatus.Sent, RmaAction.Send)]
    [InlineData(RmaStatus.InProgress, RmaAction.Accept)]
    [InlineData(RmaStatus.Rejected, RmaAction.Reject)]
    [InlineData(RmaStatus.Completed, RmaAction.Complete)]
    public void Repeating_what_is_done_changes_nothing(RmaStatus status, RmaAction action) => Assert.Equal(status, RmaLifecycle.Next(status, action));

    [Theory]
    [InlineData(RmaStatus.Draft, RmaAction.Accept, "the customer has not sent it")]
    [InlineData(RmaStatus.Draft, RmaAction.Reject, "the customer has not sent it")]
    [InlineData(RmaStatus.Draft, RmaAction.Complete, "the customer has not sent it")]
    [InlineData(RmaStatus.Sent, RmaAction.Complete, "accept it first")]
    [InlineData(RmaStatus.InProgress, RmaAction.Send, "already sent and is now in progress")]
    [InlineData(RmaStatus.Completed, RmaAction.Send, "already sent and is now completed")]
    [InlineData(RmaStatus.Rejected, RmaAction.Send, "already sent and is now rejected")]
    [InlineData(RmaStatus.Completed, RmaAction.Accept, "completed cannot be accepted")]
    [InlineData(RmaStatus.Completed, RmaAction.Reject, "completed cannot be rejected")]
    [InlineData(RmaStatus.Rejected, RmaAction.Accept, "rejected cannot be accepted")]
    [InlineData(RmaStatus.Rejected, RmaAction.Complete, "rejected cannot be completed")]
    public void Moves_that_make_no_sense_are_conflicts_that_say_why(RmaStatus from, RmaAction action, string why)
    {
        var problem = Assert.Throws<PortalProblemException>(() => RmaLifecycle.Next(from, action));
        Assert.Equal(409, problem.Status);
        Assert.Contains(why, problem.Detail);
    }

    [Theory]
    [InlineData(RmaStatus.Sent)]
    [InlineData(RmaStatus.InProgress)]
    [InlineData(RmaStatus.Completed)]
    [InlineData(RmaStatus.Rejected)]
    public void Only_drafts_can_be_changed(RmaStatus status)
    {
        RmaLifecycle.EnsureEditable(RmaStatus.Draft);
        Assert.Equal(409, Assert.Throws<PortalProblemException>(() => RmaLifecycle.EnsureEditable(status)).Status);
    }

    [Fact]
    public void Only_a_request_in_progress_has_its_expected_date_moved()
    {
        RmaLifecycle.EnsureExpectedDateChangeable(RmaStatus.InProgress);
        foreach (var status in new[] { RmaStatus.Draft, RmaStatus.Sent, RmaStatus.Completed, RmaStatus.Rejected })
        {
            Assert.Throws<PortalProblemException>(() => RmaLifecycle.EnsureExpectedDateChangeable(status));
        }
    }

    [Theory]
    [InlineData(RmaStatus.Draft, false, false, RmaProcessing.NotSent)]
    [InlineData(RmaStatus.Sent, false, false, RmaProcessing.AwaitingDecision)]
    [InlineData(RmaStatus.InProgress, false, false, RmaProcessing.Accepted)]
    [InlineData(RmaStatus.InProgress, true, false, RmaProcessing.GoodsReceived)]
    [InlineData(RmaStatus.InProgress, true, true, RmaProcessing.RefundApproved)]
    [InlineData(RmaStatus.InProgress, false, true, RmaProcessing.RefundApproved)]
    [InlineData(RmaStatus.Completed, true, true, RmaProcessing.Done)]
    [InlineData(RmaStatus.Rejected, false, false, RmaProcessing.Rejected)]
    public void The_processing_status_says_what_the_supplier_has_done(RmaStatus status, bool goodsReturn, bool creditNote, RmaProcessing processing) =>
        Assert.Equal(processing, RmaLifecycle.Processing(status, goodsReturn, creditNote));

    [Fact]
    public void Sent_in_progress_and_completed_requests_claim_quantities_drafts_and_rejected_ones_do_not()
    {
        Assert.Equal([RmaStatus.Sent, RmaStatus.InProgress, RmaStatus.Completed], Enum.GetValues<RmaStatus>().Where(RmaLifecycle.Claims));
    }
}

public sealed class ReturnableTests
{
    private static readonly InvoiceLineToReturn[] Invoice =
    [
        new(1, "HT-SCR-SET", "Screwdriver set", "pcs", 10m, 0),
        new(2, "EL-CAB-02", "Cable", "m", 25.5m, 1),
        new(3, null, "Loose sand", "kg", 12.5m, 1),
    ];

    private static IReadOnlyDictionary<string, string[]> Errors(IReadOnlyList<RequestedLine> lines, IReadOnlyDictionary<int, decimal>? claimed = null)
    {
        var errors = new ValidationErrors();
        Returnable.Check(errors, Invoice, lines, claimed ?? new Dictionary<int, decimal>());
        return errors.ToDictionary();
    }

    [Fact]
    public void Claims_of_other_requests_add_up_per_line_leaving_out_the_request_itself()
    {
        RmaClaim[] claims = [new("a", 1, 3m), new("b", 1, 2m), new("b", 2, 0.5m), new("c", 1, 1m)];

        Assert.Equal(new Dictionary<int, decimal> { [1] = 6m, [2] = 0.5m }, Returnable.Claimed(claims));
        Assert.Equal(new Dictionary<int, decimal> { [1] = 4m }, Returnable.Claimed(claims, "b"));
    }

    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(10, 9, 1)]
    [InlineData(10, 10, 0)]
    [InlineData(3, 5, 0)] // an invoice corrected downwards never makes the returnable quantity negative
    public void What_is_left_is_invoiced_minus_claimed_never_below_zero(decimal invoiced, decimal claimed, decimal left) =>
        Assert.Equal(left, Returnable.Left(invoiced, claimed));

    [Theory]
    [InlineData("10", 0)]
    [InlineData("2.5", 1)]
    [InlineData("2.50", 1)]
    [InlineData("1.250", 2)]
    [InlineData("0.125", 3)]
    public void An_invoice_quantity_tells_the_precision_of_a_line_without_a_product(string quantity, int precision) =>
        Assert.Equal(precision, Returnable.PrecisionOf(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Quantities_within_the_invoice_and_the_unit_pass()
    {
        Assert.Empty(Errors([new(1, 10m), new(2, 0.5m), new(3, 12.5m)]));
        Assert.Empty(Errors([new(1, 1m)], new Dictionary<int, decimal> { [1] = 9m }));
    }

    [Fact]
    public void Every_wrong_line_is_reported_at_once_by_its_position()
    {
        var errors = Errors([new(1, 2.5m), new(2, 0.25m), new(9, 1m), new(1, 1m), new(3, 0m)]);

        Assert.Equal(["Return whole pcs."], errors["lines[0].quantity"]);
        Assert.Equal(["Use at most 1 decimal places for m."], errors["lines[1].quantity"]);
        Assert.Equal(["This invoice has no such line."], errors["lines[2].lineNumber"]);
        Assert.StartsWith("This line is already in the request", errors["lines[3].lineNumber"][0]);
        Assert.Equal(["Enter a quantity above zero."], errors["lines[4].quantity"]);
    }

    [Fact]
    public void Claims_of_other_requests_limit_what_can_still_be_asked_for()
    {
        var partly = Errors([new(1, 3m)], new Dictionary<int, decimal> { [1] = 8m });
        var fully = Errors([new(1, 1m)], new Dictionary<int, decimal> { [1] = 10m });

        Assert.Equal(["Only 2 pcs of Screwdriver set can still be returned (invoiced 10, other RMA requests claim 8)."], partly["lines[0].quantity"]);
        Assert.Equal(["Nothing of Screwdriver set is left to return: other RMA requests already claim all 10 pcs."], fully["lines[0].quantity"]);
    }

    [Fact]
    public void A_request_needs_at_least_one_line()
    {
        Assert.True(Errors([]).ContainsKey("lines"));
    }

    [Fact]
    public void Sending_replaces_the_requests_own_claim_and_rejecting_removes_it()
    {
        RmaClaim[] claims = [new("a", 1, 3m), new("b", 1, 2m)];
        RmaLine[] lines = [new(1, "HT-SCR-SET", "Screwdriver set", "pcs", 4m, 12.5m), new(2, "EL-CAB-02", "Cable", "m", 1.5m, 0.89m)];

        var sent = Returnable.WithClaim(claims, "b", lines);
        Assert.Equal([new("a", 1, 3m), new("b", 1, 4m), new("b", 2, 1.5m)], sent);
        Assert.Equal(sent, Returnable.WithClaim(sent, "b", lines)); // sending again claims nothing more
        Assert.Equal([new RmaClaim("a", 1, 3m)], Returnable.WithoutClaim(sent, "b"));
    }
}
