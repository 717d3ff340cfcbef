using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Functions.Features.Documents;

/// <summary>
/// Quotations as the staff's Quotations page reads them: a counterparty's quotations, newest first, and one by its
/// number with its lines, to issue again. Issuing is <c>PUT manage/quotations/{counterpartyId}/{number}</c>. Staff only.
/// </summary>
public sealed class ManageQuotationsFunctions(PortalEndpoint endpoint, DocumentService documents, AccountService accounts)
{
    [Function(nameof(ManageListQuotations))]
    [ApiSummary("A counterparty's quotations, newest first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<DocumentSummaryView>))]
    public Task<IActionResult> ManageListQuotations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/quotations/{counterpartyId}")] HttpRequest req, string counterpartyId,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            // An empty list would not tell a mistyped counterparty from one without quotations: that is a 404.
            var counterparty = await accounts.GetCounterpartyAsync(TableKeys.IsSafe(counterpartyId) ? counterpartyId : throw Problems.NotFound("The counterparty"), ct);
            return ApiResult.Ok(await documents.ListAsync(caller.ScopeFor(counterparty.Id), DocumentTypes.Quotations, new DocumentQuery(null, null, null, null, null),
                req.QueryValue("continuation"), req.QueryInt("pageSize"), ct));
        });

    [Function(nameof(ManageGetQuotation))]
    [ApiSummary("One quotation of a counterparty by its number, with its lines")]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> ManageGetQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/quotations/{counterpartyId}/{number}")] HttpRequest req, string counterpartyId,
        string number, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await documents.GetAsync(caller.ScopeFor(Safe(counterpartyId)), DocumentTypes.Quotations,
            DocumentKeys.Id(counterpartyId, DocumentTypes.Quotations, Safe(number)), ct)));

    private static string Safe(string value) => TableKeys.IsSafe(value) ? value : throw Problems.NotFound("The quotation");
}
