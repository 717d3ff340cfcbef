using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>
/// The company side of documents from supplier: upserts by the company's own numbers (ERP or clerk), bulk import, and
/// the uploads that did not fit the rules. Staff only.
/// </summary>
public sealed class ManageDocumentsFunctions(PortalEndpoint endpoint, DocumentService documents, SupplierFiles files)
{
    [Function(nameof(PutDocument))]
    [ApiSummary("Create or update a document under the company's number; the same body again changes nothing")]
    [ApiRequest(typeof(DocumentRequest))]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> PutDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/documents/{counterpartyId}/{type:" + DocumentTypes.RoutePattern + "}/{number}")]
        HttpRequest req, string counterpartyId, string type, string number, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await documents.UpsertAsync(caller.ScopeFor(counterpartyId), type, number, await req.ReadJsonAsync<DocumentRequest>(ct), ct)));

    /// <summary>Kept for ERPs written against the first quotations route: the same as PUT manage/documents/{id}/quotations/{number}.</summary>
    [Function(nameof(PutQuotation))]
    [ApiSummary("Issue or re-issue a quotation under the company's number (same as PUT manage/documents/{counterpartyId}/quotations/{number})")]
    [ApiRequest(typeof(DocumentRequest))]
    [ApiResponse(200, typeof(DocumentView))]
    public Task<IActionResult> PutQuotation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/quotations/{counterpartyId}/{number}")] HttpRequest req,
        string counterpartyId, string number, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await documents.UpsertAsync(caller.ScopeFor(counterpartyId), DocumentTypes.Quotations, number, await req.ReadJsonAsync<DocumentRequest>(ct), ct)));

    [Function(nameof(ImportDocuments))]
    [ApiSummary("Many documents as NDJSON, checked whole before anything is saved")]
    [ApiRequest(typeof(DocumentImport), ContentTypes = ["application/x-ndjson"])]
    [ApiResponse(200, typeof(ImportResult))]
    public Task<IActionResult> ImportDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/documents/import")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var result = await documents.ImportAsync(caller, await ImportReader.ReadAsync<DocumentImport>(req, NdjsonOnly, ct), ct);
            return result.Errors.Count > 0
                ? throw Problems.Validation(result.Errors.GroupBy(e => $"line {e.Line}.{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    "Some documents are not valid; nothing was imported.")
                : ApiResult.Ok(result);
        });

    [Function(nameof(ListRejectedFiles))]
    [ApiSummary("Files needing attention: uploads that were not accepted, with the reason")]
    [ApiResponse(200, typeof(ItemList<RejectedFileView>))]
    public Task<IActionResult> ListRejectedFiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/files/rejected")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await files.ListRejectedAsync(ct)));

    [Function(nameof(ListReconciliationDisputes))]
    [ApiSummary("Reconciliation statements customers disputed, newest first, with their comments")]
    [ApiResponse(200, typeof(ItemList<ReconciliationDisputeView>))]
    public Task<IActionResult> ListReconciliationDisputes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/reconciliation-disputes")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await documents.ListDisputesAsync(ct)));

    private static DocumentImport NdjsonOnly(Dictionary<string, string> row, int line) =>
        throw new FormatException("Send documents as application/x-ndjson: one JSON object per line.");
}
