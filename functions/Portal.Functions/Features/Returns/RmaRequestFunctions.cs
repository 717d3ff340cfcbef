using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Returns;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Returns;

/// <summary>
/// Purchase returns, customer side: RMA requests against the counterparty's own invoices, drafted, given photos and
/// sent; colleagues at the same company see the same requests. Another counterparty's ids are 404.
/// </summary>
public sealed class RmaRequestFunctions(PortalEndpoint endpoint, RmaService rma)
{
    [ApiSummary("The company's RMA requests, newest first: drafts, or everything sent")]
    [ApiQuery("tab", typeof(RmaTab), "drafts or sent (default sent)")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<RmaSummaryView>))]
    [Function(nameof(ListRmaRequests))]
    public Task<IActionResult> ListRmaRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rma-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await rma.ListAsync(caller.Scope(), req.QueryEnum<RmaTab>("tab") == RmaTab.Drafts, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("An invoice's lines with the quantity of each that can still be returned")]
    [ApiResponse(200, typeof(ReturnableInvoiceView))]
    [Function(nameof(GetReturnableInvoice))]
    public Task<IActionResult> GetReturnableInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rma-requests/invoices/{invoiceId}")] HttpRequest req, string invoiceId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await rma.ReturnableAsync(caller, invoiceId, ct)));

    [ApiSummary("Save a new RMA request as a draft; it reserves nothing until it is sent")]
    [ApiHeader("Idempotency-Key", "Chosen per attempt; a retry with the same key and body answers with the same draft")]
    [ApiRequest(typeof(RmaRequestBody))]
    [ApiResponse(201, typeof(RmaView))]
    [ApiResponse(200, typeof(RmaView), Description = "A retry of a create that already happened")]
    [Function(nameof(CreateRmaRequest))]
    public Task<IActionResult> CreateRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rma-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var key = Idempotency.KeyOf(req);
            var (view, created) = await rma.CreateAsync(caller, await req.ReadJsonAsync<RmaRequestBody>(ct), key, ct);
            return (created ? ApiResult.Created($"/api/rma-requests/{view.Id}", view) : ApiResult.Ok(view)).WithETag(view.Version);
        });

    [ApiSummary("An RMA request with its history, files and the documents that came of it; its version is the ETag")]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(GetRmaRequest))]
    public Task<IActionResult> GetRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rma-requests/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var view = await rma.GetAsync(caller.Scope(), id, ct);
            return ApiResult.Ok(view).WithETag(view.Version);
        });

    [ApiSummary("Change a draft; sent requests are read-only (409)")]
    [ApiHeader("If-Match", "The version the customer edited", Required = true)]
    [ApiRequest(typeof(RmaRequestBody))]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(UpdateRmaRequest))]
    public Task<IActionResult> UpdateRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "rma-requests/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var version = req.RequireIfMatch();
            var view = await rma.UpdateAsync(caller, id, await req.ReadJsonAsync<RmaRequestBody>(ct), version, ct);
            return ApiResult.Ok(view).WithETag(view.Version);
        });

    [ApiSummary("Delete a draft with its files; sent requests stay (409)")]
    [ApiResponse(204)]
    [Function(nameof(DeleteRmaRequest))]
    public Task<IActionResult> DeleteRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "rma-requests/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await rma.DeleteAsync(caller, id, ct);
            return ApiResult.NoContent();
        });

    [ApiSummary("Send a draft to the supplier: read-only from then on, its quantities claimed from the invoice; sending again changes nothing")]
    [ApiHeader("If-Match", "The version the customer reviewed (optional)")]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(SendRmaRequest))]
    public Task<IActionResult> SendRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rma-requests/{id}/send")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var view = await rma.SendAsync(caller, id, req.OptionalIfMatch(), ct);
            return ApiResult.Ok(view).WithETag(view.Version);
        });

    [ApiSummary("Attach a photo or PDF to a draft (the raw file is the body, at most 10 MB, at most 5 files)")]
    [ApiQuery("fileName", typeof(string), "The file's name; its extension decides its type (required)")]
    [ApiHeader("Idempotency-Key", "A retry with the same key stores and answers the same file")]
    [ApiRequest(typeof(byte[]), ContentTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "application/octet-stream"], Description = "The file itself; the stored type comes from the file name's extension")]
    [ApiResponse(201, typeof(AttachmentView))]
    [ApiResponse(200, typeof(AttachmentView), Description = "A retry of an upload that already happened")]
    [Function(nameof(AddRmaAttachment))]
    public Task<IActionResult> AddRmaAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rma-requests/{id}/attachments")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var key = Idempotency.KeyOf(req);
            var file = await Attachments.ReadAsync(req, RmaService.FilePolicy, ct);
            var (view, created) = await rma.AddAttachmentAsync(caller, id, file, key, ct);
            return created ? ApiResult.Created($"/api/rma-requests/{id}/attachments/{view.Id}", view) : ApiResult.Ok(view);
        });

    [ApiSummary("Download a file of an RMA request: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    [Function(nameof(DownloadRmaAttachment))]
    public Task<IActionResult> DownloadRmaAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rma-requests/{id}/attachments/{attachmentId}")] HttpRequest req, string id, string attachmentId,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Redirect((await rma.AttachmentLinkAsync(caller.Scope(), id, attachmentId, ct)).ToString()));

    [ApiSummary("Remove a file from a draft")]
    [ApiResponse(204)]
    [Function(nameof(DeleteRmaAttachment))]
    public Task<IActionResult> DeleteRmaAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "rma-requests/{id}/attachments/{attachmentId}")] HttpRequest req, string id, string attachmentId,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await rma.DeleteAttachmentAsync(caller, id, attachmentId, ct);
            return ApiResult.NoContent();
        });
}
