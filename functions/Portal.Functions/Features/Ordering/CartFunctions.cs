using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Ordering;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>The product cart. Every answer carries the cart's version as ETag; edits of a line need it in If-Match.</summary>
public sealed class CartFunctions(PortalEndpoint endpoint, CartService carts, OrderService orders, DocumentService documents)
{
    [ApiSummary("The product cart; its version is the ETag")]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(GetCart))]
    public Task<IActionResult> GetCart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cart")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => Cart(await carts.GetAsync(caller, ct)));

    [ApiHeader("If-Match", "The cart version; optional, adding never overwrites")]
    [ApiRequest(typeof(AddCartLineRequest))]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(AddCartLine))]
    public Task<IActionResult> AddCartLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/lines")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            Cart(await carts.AddLineAsync(caller, await req.ReadJsonAsync<AddCartLineRequest>(ct), req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The cart version", Required = true)]
    [ApiRequest(typeof(UpdateCartLineRequest))]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(UpdateCartLine))]
    public Task<IActionResult> UpdateCartLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "cart/lines/{lineId}")] HttpRequest req, string lineId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var ifMatch = req.RequireIfMatch();
            return Cart(await carts.UpdateLineAsync(caller, lineId, await req.ReadJsonAsync<UpdateCartLineRequest>(ct), ifMatch, ct));
        });

    [ApiHeader("If-Match", "The cart version", Required = true)]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(RemoveCartLine))]
    public Task<IActionResult> RemoveCartLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cart/lines/{lineId}")] HttpRequest req, string lineId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => Cart(await carts.RemoveLineAsync(caller, lineId, req.RequireIfMatch(), ct)));

    [ApiHeader("If-Match", "The cart version")]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(ClearCart))]
    public Task<IActionResult> ClearCart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cart")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => Cart(await carts.ClearAsync(caller, req.OptionalIfMatch(), ct)));

    [ApiSummary("Put a quotation's lines into the cart for review")]
    [ApiResponse(200, typeof(CartFillResult))]
    [Function(nameof(FillCartFromQuotation))]
    public Task<IActionResult> FillCartFromQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/from-quotation/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            // The lines keep the quoted prices: the order charges them while the quotation is valid.
            var quotation = await documents.QuotationToOrderAsync(caller.Scope(), id, ct);
            return Filled(await carts.FillAsync(caller, quotation.Lines.Select(l => new CartFillRequest(l.Sku!, l.Name, l.Quantity,
                l.UnitPrice is { } price ? new Quote(quotation.Id, quotation.Number, price, quotation.ValidUntil) : null)).ToList(), ct));
        });

    [ApiSummary("Put an earlier order's lines into the cart for review")]
    [ApiResponse(200, typeof(CartFillResult))]
    [Function(nameof(FillCartFromOrder))]
    public Task<IActionResult> FillCartFromOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/from-order/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var lines = await orders.LinesForReorderAsync(caller.Scope(), id, ct);
            return Filled(await carts.FillAsync(caller, lines, ct));
        });

    [ApiSummary("Swap a line for another product: the same quantity, in one step")]
    [ApiHeader("If-Match", "The cart version", Required = true)]
    [ApiRequest(typeof(SwapCartLineRequest))]
    [ApiResponse(200, typeof(CartView))]
    [Function(nameof(SwapCartLine))]
    public Task<IActionResult> SwapCartLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/lines/{lineId}/swap")] HttpRequest req, string lineId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var ifMatch = req.RequireIfMatch();
            return Cart(await carts.SwapLineAsync(caller, lineId, await req.ReadJsonAsync<SwapCartLineRequest>(ct), ifMatch, ct));
        });

    [ApiSummary("Check a quick order (SKU, quantity lines) without changing the cart")]
    [ApiRequest(typeof(QuickOrderRequest))]
    [ApiResponse(200, typeof(QuickOrderCheckView))]
    [Function(nameof(CheckQuickOrder))]
    public Task<IActionResult> CheckQuickOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/quick-order/check")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await carts.CheckQuickOrderAsync(caller, await req.ReadJsonAsync<QuickOrderRequest>(ct), ct)));

    [ApiSummary("Add a quick order's recognised lines to the cart in one step")]
    [ApiHeader("Idempotency-Key", "Required: a retry with the same key adds nothing twice", Required = true)]
    [ApiRequest(typeof(QuickOrderRequest))]
    [ApiResponse(200, typeof(QuickOrderResult))]
    [Function(nameof(AddQuickOrder))]
    public Task<IActionResult> AddQuickOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cart/quick-order")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var key = Idempotency.KeyOf(req);
            var result = await carts.QuickOrderAsync(caller, await req.ReadJsonAsync<QuickOrderRequest>(ct), key, ct);
            return ApiResult.Ok(result).WithETag(result.Cart.Version);
        });

    private static ApiResult Cart(CartView cart)
    {
        var result = ApiResult.Ok(cart);
        return cart.Version.Length > 0 ? result.WithETag(cart.Version) : result;
    }

    private static ApiResult Filled(CartFillResult filled) => ApiResult.Ok(filled).WithETag(filled.Cart.Version);
}
