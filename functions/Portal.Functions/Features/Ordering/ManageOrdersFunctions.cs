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
    [ApiSummary("The newest orders of one counterparty, or of each")]
    [ApiQuery("counterpartyId", typeof(string), "One counterparty")]
    [ApiQuery("status", typeof(OrderStatus), "Only orders in this status")]
    [ApiQuery("from", typeof(DateOnly), "Placed on or after this date")]
    [ApiQuery("to", typeof(DateOnly), "Placed on or before this date")]
    [ApiResponse(200, typeof(ItemList<StaffOrderSummaryView>))]
    [Function(nameof(ManageListOrders))]
    public Task<IActionResult> ManageListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.ListForStaffAsync(caller, req.QueryValue("counterpartyId"), req.QueryEnum<OrderStatus>("status"),
                req.QueryDate("from"), req.QueryDate("to"), ct)));

    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(ManageGetOrder))]
    public Task<IActionResult> ManageGetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders/{counterpartyId}/{orderId}")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await orders.GetAsync(caller.ScopeFor(counterpartyId), orderId, ct)));

    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(AcceptOrder))]
    public Task<IActionResult> AcceptOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/accept")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.AcceptAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username, ct)));

    [ApiSummary("Record a goods issue; the same number again changes nothing")]
    [ApiRequest(typeof(ShipmentRequest))]
    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(RecordShipment))]
    public Task<IActionResult> RecordShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/shipments")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.RecordShipmentAsync(caller.ScopeFor(counterpartyId), orderId, await req.ReadJsonAsync<ShipmentRequest>(ct), caller.Username, ct)));

    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(CompleteOrder))]
    public Task<IActionResult> CompleteOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/complete")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.CompleteAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username, ct)));

    [ApiResponse(200, typeof(OrderView))]
    [Function(nameof(CancelOrder))]
    public Task<IActionResult> CancelOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/cancel")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.CancelAsync(caller.ScopeFor(counterpartyId), orderId, caller.Username, ct)));
}
