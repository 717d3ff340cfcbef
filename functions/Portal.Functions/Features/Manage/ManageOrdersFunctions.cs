using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Ordering;
using Portal.Core.Features.Quotations;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Functions.Features.Ordering;

namespace Portal.Functions.Features.Manage;

/// <summary>
/// Running orders without an ERP (or for the ERP): list them, accept, record shipments (goods issues), complete,
/// cancel; and issue quotations. Orders are addressed by counterparty and id, as they are stored.
/// </summary>
public sealed class ManageOrdersFunctions(PortalEndpoint endpoint, OrderService orders, AccountService accounts, QuotationService quotations, SettingsStore settings)
{
    [Function(nameof(ManageListOrders))]
    public Task<IActionResult> ManageListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (counterpartyId, status) = (req.QueryValue("counterpartyId"), req.QueryValue("status"));
            var (from, to) = (OrderFunctions.Date(req.QueryValue("from"), "from"), OrderFunctions.Date(req.QueryValue("to"), "to"));
            var counterparties = string.IsNullOrEmpty(counterpartyId)
                ? (await accounts.ListCounterpartiesAsync(ct)).Select(c => c.Id).ToList()
                : [counterpartyId];
            var items = new List<object>();
            foreach (var id in counterparties)
            {
                // The newest orders of each counterparty; a clerk narrows down by counterparty for more.
                var page = await orders.ListAsync(id, status, from, to, null, 100, ct);
                items.AddRange(page.Items.Select(o => new { counterpartyId = id, order = o }));
            }
            return ApiResult.Ok(new { items });
        });

    [Function(nameof(ManageGetOrder))]
    public Task<IActionResult> ManageGetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/orders/{counterpartyId}/{orderId}")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await orders.GetAsync(counterpartyId, orderId, ct)));

    [Function(nameof(AcceptOrder))]
    public Task<IActionResult> AcceptOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/accept")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await orders.AcceptAsync(counterpartyId, orderId, caller.Username, ct)));

    [Function(nameof(RecordShipment))]
    public Task<IActionResult> RecordShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/shipments")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await orders.RecordShipmentAsync(counterpartyId, orderId, await req.ReadJsonAsync<ShipmentRequest>(ct), caller.Username, ct)));

    [Function(nameof(CompleteOrder))]
    public Task<IActionResult> CompleteOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/complete")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await orders.CompleteAsync(counterpartyId, orderId, caller.Username, ct)));

    [Function(nameof(CancelOrder))]
    public Task<IActionResult> CancelOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/orders/{counterpartyId}/{orderId}/cancel")] HttpRequest req,
        string counterpartyId, string orderId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await orders.CancelAsync(counterpartyId, orderId, caller.Username, ct)));

    /// <summary>Issues (or re-issues) a quotation under the company's own number.</summary>
    [Function(nameof(PutQuotation))]
    public Task<IActionResult> PutQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/quotations/{counterpartyId}/{number}")] HttpRequest req,
        string counterpartyId, string number, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var body = await req.ReadJsonAsync<QuotationRequest>(ct);
            await accounts.GetCounterpartyAsync(counterpartyId, ct); // 404 for an unknown counterparty
            var currency = (await settings.GetAsync(ct)).Currency;
            return ApiResult.Ok(await quotations.UpsertAsync(counterpartyId, number, body, currency, ct));
        });
}
