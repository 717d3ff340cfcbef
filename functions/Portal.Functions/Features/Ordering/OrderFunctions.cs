using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>Order tracking: the counterparty's orders, newest first, and the Orders statement report.</summary>
public sealed class OrderFunctions(PortalEndpoint endpoint, OrderService orders)
{
    [ApiSummary("Orders, newest first")]
    [ApiQuery("status", typeof(OrderStatus), "Only orders in this status")]
    [ApiQuery("from", typeof(DateOnly), "Placed on or after this date")]
    [ApiQuery("to", typeof(DateOnly), "Placed on or before this date")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<OrderSummaryView>))]
    [Function(nameof(ListOrders))]
    public Task<IActionResult> ListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await orders.ListAsync(caller.Scope(), req.QueryEnum<OrderStatus>("status"), req.QueryDate("from"), req.QueryDate("to"),
                req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(GetOrder))]
    public Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await orders.GetAsync(caller.Scope(), id, ct)));

    [ApiSummary("Ordered, shipped and pending quantities of the orders in progress")]
    [ApiResponse(200, typeof(OrdersStatementView))]
    [Function(nameof(GetOrdersStatement))]
    public Task<IActionResult> GetOrdersStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/orders-statement")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await orders.StatementAsync(caller.Scope(), ct)));
}
