using Portal.Core.Features.Ordering;
using Portal.Core.Shared;

namespace Portal.Core.Tests.Features.Ordering;

public sealed class OrderLifecycleTests
{
    [Theory]
    [InlineData(OrderStatus.Sent, OrderAction.Accept, OrderStatus.InProgress)]
    [InlineData(OrderStatus.Sent, OrderAction.Ship, OrderStatus.InProgress)]
    [InlineData(OrderStatus.InProgress, OrderAction.Ship, OrderStatus.InProgress)]
    [InlineData(OrderStatus.InProgress, OrderAction.Complete, OrderStatus.Completed)]
    [InlineData(OrderStatus.Sent, OrderAction.Cancel, OrderStatus.Canceled)]
    [InlineData(OrderStatus.InProgress, OrderAction.Cancel, OrderStatus.Canceled)]
    public void Allowed_moves(OrderStatus from, OrderAction action, OrderStatus to) => Assert.Equal(to, OrderLifecycle.Next(from, action));

    [Theory]
    [InlineData(OrderStatus.InProgress, OrderAction.Accept)]
    [InlineData(OrderStatus.Completed, OrderAction.Complete)]
    [InlineData(OrderStatus.Canceled, OrderAction.Cancel)]
    public void Doing_again_what_is_done_changes_nothing(OrderStatus status, OrderAction action) => Assert.Equal(status, OrderLifecycle.Next(status, action));

    [Theory]
    [InlineData(OrderStatus.Sent, OrderAction.Complete, "accept it first")]
    [InlineData(OrderStatus.Completed, OrderAction.Accept, "completed cannot be accepted")]
    [InlineData(OrderStatus.Completed, OrderAction.Cancel, "completed cannot be canceled")]
    [InlineData(OrderStatus.Canceled, OrderAction.Accept, "canceled cannot be accepted")]
    [InlineData(OrderStatus.Canceled, OrderAction.Complete, "canceled cannot be completed")]
    [InlineData(OrderStatus.Completed, OrderAction.Ship, "cannot ship anything more")]
    [InlineData(OrderStatus.Canceled, OrderAction.Ship, "cannot ship anything more")]
    public void Moves_that_make_no_sense_are_a_409_that_says_why(OrderStatus status, OrderAction action, string reason)
    {
        var problem = Assert.Throws<PortalProblemException>(() => OrderLifecycle.Next(status, action));

        Assert.Equal(409, problem.Status);
        Assert.Contains(reason, problem.Detail);
    }

    private static readonly OrderLine Drill = new("PT-1", "Drill", "pcs", 4, 1, 100m, 400m);
    private static readonly OrderLine Cable = new("EL-2", "Cable", "m", 150.5m, 0, 1m, 150.5m);

    [Fact]
    public void A_partial_shipment_adds_to_shipped_and_leaves_the_rest_pending()
    {
        var lines = OrderLifecycle.Ship([Drill, Cable], [new ShipmentLine("pt-1", 2), new ShipmentLine("EL-2", 100.25m)]);

        Assert.Equal((3m, 1m), (lines[0].Shipped, lines[0].Pending));
        Assert.Equal((100.25m, 50.25m), (lines[1].Shipped, lines[1].Pending));
    }

    [Fact]
    public void A_product_on_two_lines_is_shipped_across_both()
    {
        var quoted = Drill with { Shipped = 0, Ordered = 2, QuotationNumber = "QT-1" };
        var lines = OrderLifecycle.Ship([quoted, Drill], [new ShipmentLine("PT-1", 4)]);

        Assert.Equal((2m, 3m), (lines[0].Shipped, lines[1].Shipped));
        Assert.Throws<PortalProblemException>(() => OrderLifecycle.Ship(lines, [new ShipmentLine("PT-1", 2)]));
    }

    [Fact]
    public void Every_wrong_shipment_line_is_reported_by_its_position()
    {
        var problem = Assert.Throws<PortalProblemException>(() =>
            OrderLifecycle.Ship([Drill, Cable], [new ShipmentLine("PT-1", 4), new ShipmentLine("XX", 1), new ShipmentLine("EL-2", 1)]));

        Assert.Equal(400, problem.Status);
        Assert.Equal(["lines[0].quantity", "lines[1].sku"], problem.Errors!.Keys.Order());
        Assert.Contains("Only 3 pcs", problem.Errors["lines[0].quantity"][0]);
    }

    [Fact]
    public void A_shipment_must_use_the_units_precision()
    {
        var recorded = Drill with { UnitPrecision = 0 };

        var problem = Assert.Throws<PortalProblemException>(() => OrderLifecycle.Ship([recorded], [new ShipmentLine("PT-1", 0.001m)]));
        Assert.Equal(["Ship whole pcs."], problem.Errors!["lines[0].quantity"]);
        Assert.Equal(3m, OrderLifecycle.Ship([recorded], [new ShipmentLine("PT-1", 2m)])[0].Shipped);
    }

    [Fact]
    public void A_shipment_lists_each_product_once()
    {
        var request = new ShipmentRequest { Number = "GI-1", Date = new DateOnly(2026, 11, 2), Lines = [new ShipmentLine("PT-1", 1), new ShipmentLine("pt-1", 1)] };
        var errors = new Portal.Core.Shared.Http.ValidationErrors();

        request.Validate(errors);

        Assert.Contains("lines[1].sku", errors.ToDictionary().Keys);
    }
}
