using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>Documents from supplier: the seven types' lists, pages, CSV exports and files. Customers see their own counterparty's only.</summary>
public sealed class DocumentFunctions(PortalEndpoint endpoint, DocumentService documents)
{
    private const string Type = "{type:" + DocumentTypes.RoutePattern + "}";

    [Function(nameof(ListDocuments))]
    [ApiSummary("A document type's list, newest first")]
    [ApiQuery("from", typeof(DateOnly), "Dated on or after this date")]
    [ApiQuery("to", typeof(DateOnly), "Dated on or before this date")]
    [ApiQuery("status", typeof(DocumentStatus), "Only documents in this status")]
    [ApiQuery("overdue", typeof(bool), "Only unpaid invoices past their due date")]
    [ApiQuery("number", typeof(string), "A document number or its beginning")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<DocumentSummaryView>))]
    public Task<IActionResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/" + Type)] HttpRequest req, string type, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await documents.ListAsync(caller.Scope(), type, Query(req), req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [Function(nameof(ExportDocuments))]
    [ApiSummary("The same list as a CSV file for Excel (at most 10,000 rows)")]
    [ApiQuery("from", typeof(DateOnly), "Dated on or after this date")]
    [ApiQuery("to", typeof(DateOnly), "Dated on or before this date")]
    [ApiQuery("status", typeof(DocumentStatus), "Only documents in this status")]
    [ApiQuery("overdue", typeof(bool), "Only unpaid invoices past their due date")]
    [ApiQuery("number", typeof(string), "A document number or its beginning")]
    [ApiResponse(200, typeof(byte[]), ContentType = "text/csv", Description = "UTF-8 CSV with a header row")]
    public Task<IActionResult> ExportDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/" + Type + "/export.csv")] HttpRequest req, string type, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var (content, fileName) = await documents.ExportAsync(caller.Scope(), type, Query(req), ct);
            return ApiResult.File(content, "text/csv; charset=utf-8", fileName);
        });

    [Function(nameof(GetDocument))]
    [ApiSummary("A document: header, lines, totals, related documents and its file")]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> GetDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/" + Type + "/{id}")] HttpRequest req, string type, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await documents.GetAsync(caller.Scope(), type, id, ct)));

    [Function(nameof(DownloadDocumentFile))]
    [ApiSummary("Download the document's file: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    public Task<IActionResult> DownloadDocumentFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/" + Type + "/{id}/file")] HttpRequest req, string type, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Redirect((await documents.FileLinkAsync(caller.Scope(), type, id, ct)).ToString()));

    [Function(nameof(ConfirmReconciliationStatement))]
    [ApiSummary("Confirm a reconciliation statement: the figures agree. Confirming again changes nothing")]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> ConfirmReconciliationStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "documents/reconciliation-statements/{id}/confirm")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await documents.RespondAsync(caller, id, DocumentStatus.Confirmed, null, ct)));

    [Function(nameof(DisputeReconciliationStatement))]
    [ApiSummary("Dispute a reconciliation statement, saying what does not agree; the supplier's staff see it")]
    [ApiRequest(typeof(DisputeRequest))]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> DisputeReconciliationStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "documents/reconciliation-statements/{id}/dispute")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await documents.RespondAsync(caller, id, DocumentStatus.Disputed, (await req.ReadJsonAsync<DisputeRequest>(ct)).Comment, ct)));

    private static DocumentQuery Query(HttpRequest req) =>
        new(req.QueryDate("from"), req.QueryDate("to"), req.QueryEnum<DocumentStatus>("status"), req.QueryBool("overdue"), req.QueryValue("number"));
}
