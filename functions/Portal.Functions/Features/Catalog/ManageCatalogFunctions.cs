using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Catalog;

/// <summary>The company side of the catalog: categories, warehouses, products and prices, one at a time or as a file.</summary>
public sealed class ManageCatalogFunctions(PortalEndpoint endpoint, CatalogAdminService admin)
{
    [ApiRequest(typeof(CategoryImport))]
    [ApiResponse(200, typeof(CategoryImport))]
    [Function(nameof(UpsertCategory))]
    public Task<IActionResult> UpsertCategory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/categories")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var category = await req.ReadJsonAsync<CategoryImport>(ct);
            await admin.UpsertCategoryAsync(category, ct);
            return ApiResult.Ok(category);
        });

    [ApiRequest(typeof(WarehouseImport))]
    [ApiResponse(200, typeof(WarehouseImport))]
    [Function(nameof(UpsertWarehouse))]
    public Task<IActionResult> UpsertWarehouse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/warehouses")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var warehouse = await req.ReadJsonAsync<WarehouseImport>(ct);
            await admin.UpsertWarehouseAsync(warehouse, ct);
            return ApiResult.Ok(warehouse);
        });

    [ApiRequest(typeof(ProductImport))]
    [ApiResponse(200, typeof(ImportResult))]
    [Function(nameof(UpsertProduct))]
    public Task<IActionResult> UpsertProduct(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/products")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await admin.ImportProductsAsync([await req.ReadJsonAsync<ProductImport>(ct)], ct)));

    /// <summary>Bulk product import: text/csv or application/x-ndjson; checked whole, then applied.</summary>
    [ApiSummary("Bulk product import, checked whole before anything is written")]
    [ApiRequest(typeof(ProductImport), ContentTypes = ["text/csv", "application/x-ndjson"])]
    [ApiResponse(200, typeof(ImportResult))]
    [Function(nameof(ImportProducts))]
    public Task<IActionResult> ImportProducts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/products/import")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await admin.ImportProductsAsync(await ImportReader.ReadAsync(req, ProductCsv.FromRow, ct), ct)));

    /// <summary>Counterparty prices: text/csv (counterpartyId, sku, price) or NDJSON; an empty price removes it.</summary>
    [ApiSummary("Counterparty prices; an empty price removes one")]
    [ApiRequest(typeof(PriceImport), ContentTypes = ["text/csv", "application/x-ndjson"])]
    [ApiResponse(200, typeof(ImportResult))]
    [Function(nameof(ImportPrices))]
    public Task<IActionResult> ImportPrices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/prices/import")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await admin.ImportPricesAsync(await ImportReader.ReadAsync(req, ProductCsv.PriceFromRow, ct), ct)));
}
