using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>Documents from supplier → Quotations.</summary>
public sealed class QuotationFunctions(PortalEndpoint endpoint, QuotationService quotations)
{
    [ApiSummary("Quotations, newest first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<QuotationSummaryView>))]
    [Function(nameof(ListQuotations))]
    public Task<IActionResult> ListQuotations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/quotations")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await quotations.ListAsync(caller.Scope(), req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiResponse(200, typeof(QuotationView))]
    [Function(nameof(GetQuotation))]
    public Task<IActionResult> GetQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/quotations/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await quotations.GetAsync(caller.Scope(), id, ct)));
}
