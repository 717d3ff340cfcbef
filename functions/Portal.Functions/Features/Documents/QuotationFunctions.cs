using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>Documents from supplier → Quotations.</summary>
public sealed class QuotationFunctions(PortalEndpoint endpoint, QuotationService quotations)
{
    [Function(nameof(ListQuotations))]
    public Task<IActionResult> ListQuotations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/quotations")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await quotations.ListAsync(caller.Scope(), req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [Function(nameof(GetQuotation))]
    public Task<IActionResult> GetQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/quotations/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await quotations.GetAsync(caller.Scope(), id, ct)));
}
