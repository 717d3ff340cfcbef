using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Functions.Features.Catalog;

/// <summary>The catalog at one counterparty's prices, for staff who quote that counterparty. Staff only.</summary>
public sealed class ManageCounterpartyProductsFunctions(PortalEndpoint endpoint, CatalogService catalog, AccountService accounts)
{
    [Function(nameof(ManageListCounterpartyProducts))]
    [ApiSummary("Active products with the price this counterparty pays (its own price, else the list price)")]
    [ApiQuery("search", typeof(string), "Part of a product's name or SKU")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100")]
    [ApiResponse(200, typeof(ListPage<ProductSummaryView>))]
    public Task<IActionResult> ManageListCounterpartyProducts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/counterparties/{counterpartyId}/products")] HttpRequest req, string counterpartyId,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var counterparty = await accounts.GetCounterpartyAsync(TableKeys.IsSafe(counterpartyId) ? counterpartyId : throw Problems.NotFound("The counterparty"), ct);
            // Priced as that counterparty's buyer would see it, without an access group's category restriction: a quotation may offer anything.
            var buyer = new Caller(CallerKind.Customer, caller.UserId, caller.Username, counterparty.Id, null, "", "");
            return ApiResult.Ok(await catalog.ListProductsAsync(buyer, req.QueryValue("search"), null, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct));
        });
}
