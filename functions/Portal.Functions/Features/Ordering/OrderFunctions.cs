using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>Order tracking: the counterparty's orders, newest first, and the Orders statement report.</summary>
public sealed class OrderFunctions(PortalEndpoint endpoint, OrderService orders)
{
    [Function(nameof(ListOrders))]
    public Task<IActionResult> ListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await orders.ListAsync(caller.Scope(), req.QueryEnum<OrderStatus>("status"), req.QueryDate("from"), req.QueryDate("to"),
                req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [Function(nameof(GetOrder))]
    public Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await orders.GetAsync(caller.Scope(), id, ct)));

    [Function(nameof(GetOrdersStatement))]
    public Task<IActionResult> GetOrdersStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/orders-statement")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await orders.StatementAsync(caller.Scope(), ct)));
}
