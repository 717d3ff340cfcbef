using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>
/// Running orders without an ERP (or for the ERP): list them, accept, record shipments (goods issues), complete,
/// cancel. Orders are addressed by counterparty and id, as they are stored. Staff only.
/// </summary>
public sealed class ManageOrdersFunctions(PortalEndpoint endpoint, OrderService orders)
{
    [ApiSummary("The orders desk: every counterparty's orders, Sent ones first, then newest first; paged")]
    [ApiQuery("counterpartyId", typeof(string), "One counterparty")]
    [ApiQuery("status", typeof(OrderStatus), "Only orders in this status")]
    [ApiQuery("from", typeof(DateOnly), "Placed on or after this date")]
    [ApiQuery("to", typeof(DateOnly), "Placed on or before this date")]
    [ApiQuery("continuation", typeof(string), "The token of the page before")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, 25 when not given")]
    [ApiResponse(200, typeof(ListPage<StaffOrderSummaryView>))]
    [Function(nameof(ManageListOrders))]
    public Task<IActionResult> ManageListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await orders.ListForStaffAsync(new OrderDeskQuery(req.QueryEnum<OrderStatus>("status"), req.QueryValue("counterpartyId"),
                req.QueryDate("from"), req.QueryDate("to")), req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("Put every existing order on the orders desk (orders from before the desk); safe to repeat")]
    [ApiResponse(200, typeof(DeskBackfillView))]
    [Function(nameof(BackfillOrdersDesk))]
    public Task<IActionResult> BackfillOrdersDesk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders-desk/backfill")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            req.RequireNoBody();
            return ApiResult.Ok(new DeskBackfillView(await orders.BackfillDeskAsync(ct)));
        });

    [ApiSummary("One order, with its version in ETag for the actions' If-Match")]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(ManageGetOrder))]
    public Task<IActionResult> ManageGetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders/{counterpartyId}/{orderId}")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => Versioned(await orders.GetForStaffAsync(caller.ScopeFor(counterpartyId), orderId, ct)));

    [ApiHeader("If-Match", "The order's ETag as read; 412 if it changed since (optional)")]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(AcceptOrder))]
    public Task<IActionResult> AcceptOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/accept")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            Versioned(await orders.AcceptAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username, req.OptionalIfMatch(), ct)));

    [ApiSummary("Record a goods issue; the same number again changes nothing")]
    [ApiHeader("If-Match", "The order's ETag as read; 412 if it changed since (optional)")]
    [ApiRequest(typeof(ShipmentRequest))]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(RecordShipment))]
    public Task<IActionResult> RecordShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/shipments")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            Versioned(await orders.RecordShipmentAsync(caller.ScopeFor(counterpartyId), orderId, await req.ReadJsonAsync<ShipmentRequest>(ct), caller.Username,
                req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The order's ETag as read; 412 if it changed since (optional)")]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(CompleteOrder))]
    public Task<IActionResult> CompleteOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/complete")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            Versioned(await orders.CompleteAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username, req.OptionalIfMatch(), ct)));

    [ApiSummary("Cancel, optionally with a reason the customer sees")]
    [ApiHeader("If-Match", "The order's ETag as read; 412 if it changed since (optional)")]
    [ApiRequest(typeof(CancelOrderRequest))]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(CancelOrder))]
    public Task<IActionResult> CancelOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/cancel")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            Versioned(await orders.CancelAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username,
                (await req.ReadOptionalJsonAsync<CancelOrderRequest>(ct))?.Reason, req.OptionalIfMatch(), ct)));

    private static ApiResult Versioned((OrderView View, string ETag) order) => ApiResult.Ok(order.View).WithETag(order.ETag);
}
