using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Catalog;

/// <summary>The catalog as a customer sees it: only the categories their access group allows, at their prices.</summary>
public sealed class CatalogFunctions(PortalEndpoint endpoint, CatalogService catalog)
{
    [ApiSummary("The catalog the access group allows, at the counterparty's prices")]
    [ApiQuery("search", typeof(string), "Words in the name, SKU or description")]
    [ApiQuery("category", typeof(string), "A category id")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<ProductSummaryView>))]
    [Function(nameof(ListProducts))]
    public Task<IActionResult> ListProducts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await catalog.ListProductsAsync(caller, req.QueryValue("search"), req.QueryValue("category"), req.QueryValue("continuation"),
                req.QueryInt("pageSize"), ct)));

    [ApiSummary("2 to 10 products side by side")]
    [ApiQuery("skus", typeof(string), "Comma-separated SKUs")]
    [ApiResponse(200, typeof(ComparisonView))]
    [Function(nameof(CompareProducts))]
    public Task<IActionResult> CompareProducts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/compare")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await catalog.CompareAsync(caller, req.QueryValue("skus"), ct)));

    [ApiResponse(200, typeof(ProductView))]
    [Function(nameof(GetProduct))]
    public Task<IActionResult> GetProduct(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/{sku}")] HttpRequest req, string sku, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await catalog.GetProductAsync(caller, sku, ct)));

    [ApiResponse(200, typeof(ItemList<CategoryView>))]
    [Function(nameof(ListCategories))]
    public Task<IActionResult> ListCategories(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "categories")] HttpRequest req, CancellationToken ct) =>
        // Staff see every category (a staff page picks from them for an access group); a customer those its group allows.
        endpoint.RunAsync(req, Access.SignedIn, async caller => ApiResult.Ok(new ItemList<CategoryView>(await catalog.ListCategoriesAsync(caller, ct))));

    [ApiResponse(200, typeof(ItemList<Warehouse>))]
    [Function(nameof(ListWarehouses))]
    public Task<IActionResult> ListWarehouses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "warehouses")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.SignedIn, async _ => ApiResult.Ok(new ItemList<Warehouse>(await catalog.ListWarehousesAsync(ct))));
}
