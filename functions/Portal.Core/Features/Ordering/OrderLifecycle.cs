using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Ordering;

/// <summary>What the company does to an order.</summary>
public enum OrderAction
{
    Accept,
    Ship,
    Complete,
    Cancel,
}

/// <summary>
/// The order lifecycle: Sent → In progress → Completed, or Canceled from Sent or In progress. Shipping a Sent order
/// takes it In progress (the company has taken it on). Doing again what is already done is a retry and changes
/// nothing; anything else not allowed is a 409 that says why. A pure rule: statuses and lines in, decisions out.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>The status after <paramref name="action"/>; the same status when nothing changes (a retry, or shipping an order already in progress).</summary>
    public static OrderStatus Next(OrderStatus current, OrderAction action) => (action, current) switch
    {
        (OrderAction.Accept, OrderStatus.Sent) => OrderStatus.InProgress,
        (OrderAction.Accept, OrderStatus.InProgress) => OrderStatus.InProgress,
        (OrderAction.Ship, OrderStatus.Sent or OrderStatus.InProgress) => OrderStatus.InProgress,
        (OrderAction.Complete, OrderStatus.InProgress) => OrderStatus.Completed,
        (OrderAction.Complete, OrderStatus.Completed) => OrderStatus.Completed,
        (OrderAction.Complete, OrderStatus.Sent) => throw Problems.Conflict("An order that is sent cannot be completed; accept it first."),
        (OrderAction.Cancel, OrderStatus.Sent or OrderStatus.InProgress) => OrderStatus.Canceled,
        (OrderAction.Cancel, OrderStatus.Canceled) => OrderStatus.Canceled,
        (OrderAction.Ship, _) => throw Problems.Conflict($"An order that is {Describe(current)} cannot ship anything more."),
        _ => throw Problems.Conflict($"An order that is {Describe(current)} cannot be {Past(action)}."),
    };

    /// <summary>
    /// The order's lines after a shipment: each shipped quantity is added to its line, at most what is still pending.
    /// Every wrong line is reported at once, by its position in the request.
    /// </summary>
    public static List<OrderLine> Ship(IReadOnlyList<OrderLine> lines, IReadOnlyList<ShipmentLine> shipped)
    {
        var result = lines.ToList();
        var errors = new ValidationErrors();
        for (var i = 0; i < shipped.Count; i++)
        {
            // A product can be on more than one line (one at a quoted price): the shipment fills them in order.
            var matching = Enumerable.Range(0, result.Count).Where(k => string.Equals(result[k].Sku, shipped[i].Sku, StringComparison.OrdinalIgnoreCase)).ToList();
            var pending = matching.Sum(k => result[k].Pending);
            if (matching.Count == 0)
            {
                errors.Add($"lines[{i}].sku", "This order has no such product.");
                continue;
            }
            var line = result[matching[0]];
            if (line.UnitPrecision is { } places && CartRules.CheckPrecision(shipped[i].Quantity, places, line.Unit) is { } precision)
            {
                errors.Add($"lines[{i}].quantity", precision.Replace("Order", "Ship", StringComparison.Ordinal));
                continue;
            }
            if (shipped[i].Quantity > pending)
            {
                errors.Add($"lines[{i}].quantity", $"Only {pending} {result[matching[0]].Unit} are still to ship.");
                continue;
            }
            var left = shipped[i].Quantity;
            foreach (var k in matching)
            {
                var take = Math.Min(left, result[k].Pending);
                result[k] = result[k] with { Shipped = result[k].Shipped + take };
                left -= take;
            }
        }
        errors.ThrowIfAny();
        return result;
    }

    public static string Describe(OrderStatus status) => status switch
    {
        OrderStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Past(OrderAction action) => action switch
    {
        OrderAction.Accept => "accepted",
        OrderAction.Complete => "completed",
        OrderAction.Cancel => "canceled",
        _ => "shipped",
    };
}
