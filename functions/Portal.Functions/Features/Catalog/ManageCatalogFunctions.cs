using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Catalog;

/// <summary>The company side of the catalog: categories, warehouses, products and prices, one at a time or as a file.</summary>
public sealed class ManageCatalogFunctions(PortalEndpoint endpoint, CatalogAdminService admin)
{
    [ApiSummary("Every category with its version, fresh from storage")]
    [ApiResponse(200, typeof(ItemList<CategoryAdminView>))]
    [Function(nameof(ManageListCategories))]
    public Task<IActionResult> ManageListCategories(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/catalog/categories")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<CategoryAdminView>(await admin.ListCategoriesAsync(ct))));

    [ApiSummary("Creates or changes a category under its id")]
    [ApiHeader("If-Match", "The version you last read: change only that version (412 if it changed)")]
    [ApiHeader("If-None-Match", "* to create only (409 if the id exists)")]
    [ApiRequest(typeof(CategoryImport))]
    [ApiResponse(200, typeof(CategoryAdminView))]
    [Function(nameof(UpsertCategory))]
    public Task<IActionResult> UpsertCategory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/categories")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var saved = await admin.SaveCategoryAsync(await req.ReadJsonAsync<CategoryImport>(ct), req.WriteCondition(), ct);
            return ApiResult.Ok(saved).WithETag(saved.Version);
        });

    [ApiSummary("Every warehouse with its version, fresh from storage")]
    [ApiResponse(200, typeof(ItemList<WarehouseAdminView>))]
    [Function(nameof(ManageListWarehouses))]
    public Task<IActionResult> ManageListWarehouses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/catalog/warehouses")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<WarehouseAdminView>(await admin.ListWarehousesAsync(ct))));

    [ApiSummary("Creates or changes a warehouse under its id")]
    [ApiHeader("If-Match", "The version you last read: change only that version (412 if it changed)")]
    [ApiHeader("If-None-Match", "* to create only (409 if the id exists)")]
    [ApiRequest(typeof(WarehouseImport))]
    [ApiResponse(200, typeof(WarehouseAdminView))]
    [Function(nameof(UpsertWarehouse))]
    public Task<IActionResult> UpsertWarehouse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/warehouses")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var saved = await admin.SaveWarehouseAsync(await req.ReadJsonAsync<WarehouseImport>(ct), req.WriteCondition(), ct);
            return ApiResult.Ok(saved).WithETag(saved.Version);
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

    /// <summary>The same file as the product import, checked the same way; answers what it would change and writes nothing.</summary>
    [ApiSummary("What a product file would change (new, changed, unchanged); writes nothing")]
    [ApiRequest(typeof(ProductImport), ContentTypes = ["text/csv", "application/x-ndjson"])]
    [ApiResponse(200, typeof(ProductImportPreview))]
    [Function(nameof(PreviewProductImport))]
    public Task<IActionResult> PreviewProductImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/products/import/preview")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await admin.PreviewProductsAsync(await ImportReader.ReadAsync(req, ProductCsv.FromRow, ct), ct)));

    /// <summary>The same file as the price import, checked the same way; answers what it would change and writes nothing.</summary>
    [ApiSummary("What a price file would change (new, changed, removed, unchanged); writes nothing")]
    [ApiRequest(typeof(PriceImport), ContentTypes = ["text/csv", "application/x-ndjson"])]
    [ApiResponse(200, typeof(PriceImportPreview))]
    [Function(nameof(PreviewPriceImport))]
    public Task<IActionResult> PreviewPriceImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/catalog/prices/import/preview")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await admin.PreviewPricesAsync(await ImportReader.ReadAsync(req, ProductCsv.PriceFromRow, ct), ct)));
}
