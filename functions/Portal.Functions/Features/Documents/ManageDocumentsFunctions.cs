using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>The company side of documents from supplier: issued by the ERP or a clerk under the company's own numbers. Staff only.</summary>
public sealed class ManageDocumentsFunctions(PortalEndpoint endpoint, QuotationService quotations)
{
    /// <summary>Issues (or re-issues) a quotation under the company's own number.</summary>
    [ApiSummary("Issue or re-issue a quotation under the company's number")]
    [ApiRequest(typeof(QuotationRequest))]
    [ApiResponse(200, typeof(QuotationView))]
    [Function(nameof(PutQuotation))]
    public Task<IActionResult> PutQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/quotations/{counterpartyId}/{number}")] HttpRequest req,
        string counterpartyId, string number, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await quotations.UpsertAsync(caller.ScopeFor(counterpartyId), number, await req.ReadJsonAsync<QuotationRequest>(ct), ct)));
}
