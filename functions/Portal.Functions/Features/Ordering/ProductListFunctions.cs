using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>The buyer's own product lists beside the cart: favourites (per user) and recently ordered (per company).</summary>
public sealed class ProductListFunctions(PortalEndpoint endpoint, ProductListsService lists)
{
    [ApiSummary("The signed-in buyer's favourite products, newest first")]
    [ApiResponse(200, typeof(ItemList<ProductSummaryView>))]
    [Function(nameof(ListFavourites))]
    public Task<IActionResult> ListFavourites(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "favourites")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await lists.FavouritesAsync(caller, ct)));

    [ApiSummary("Star a product; starring it again changes nothing")]
    [ApiResponse(204)]
    [Function(nameof(AddFavourite))]
    public Task<IActionResult> AddFavourite(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "favourites/{sku}")] HttpRequest req, string sku, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await lists.AddFavouriteAsync(caller, sku, ct);
            return ApiResult.NoContent();
        });

    [ApiSummary("Un-star a product; one that is not a favourite is nothing to do")]
    [ApiResponse(204)]
    [Function(nameof(RemoveFavourite))]
    public Task<IActionResult> RemoveFavourite(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "favourites/{sku}")] HttpRequest req, string sku, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await lists.RemoveFavouriteAsync(caller, sku, ct);
            return ApiResult.NoContent();
        });

    [ApiSummary("Products of the company's recent orders, most recent first")]
    [ApiResponse(200, typeof(ItemList<ProductSummaryView>))]
    [Function(nameof(ListRecentlyOrdered))]
    public Task<IActionResult> ListRecentlyOrdered(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recently-ordered")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await lists.RecentlyOrderedAsync(caller, ct)));
}
