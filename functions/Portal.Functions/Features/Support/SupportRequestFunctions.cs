using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Support;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Support;

/// <summary>Support requests as a customer company sees them: its own requests, their conversations and files.</summary>
public sealed class SupportRequestFunctions(PortalEndpoint endpoint, SupportService support)
{
    [ApiSummary("The company's support requests: active first, then newest activity; or those linked to one document or order")]
    [ApiQuery("status", typeof(SupportStatus), "Only requests in this status")]
    [ApiQuery("linkedType", typeof(string), "With linkedId: only requests about this document type, orders or rma-requests")]
    [ApiQuery("linkedId", typeof(string), "With linkedType: the document's or order's id")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<SupportRequestSummaryView>))]
    [Function(nameof(ListSupportRequests))]
    public Task<IActionResult> ListSupportRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "support-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await support.ListAsync(caller, req.QueryEnum<SupportStatus>("status"), req.QueryValue("linkedType"), req.QueryValue("linkedId"),
                req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("Ask the supplier: a new request, optionally about a document or order of the company")]
    [ApiHeader("Idempotency-Key", "Chosen per attempt; a retry with the same key and request answers with the same request")]
    [ApiRequest(typeof(CreateSupportRequest))]
    [ApiResponse(201, typeof(SupportRequestView))]
    [ApiResponse(200, typeof(SupportRequestView), Description = "A retry: the request the same key created")]
    [Function(nameof(CreateSupportRequest))]
    public Task<IActionResult> CreateSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var body = await req.ReadJsonAsync<Portal.Core.Features.Support.CreateSupportRequest>(ct);
            var (view, created) = await support.CreateAsync(caller, body, Idempotency.KeyOf(req), ct);
            return created ? ApiResult.Created($"/api/support-requests/{view.Id}", view) : ApiResult.Ok(view);
        });

    [ApiSummary("A request with its newest messages")]
    [ApiResponse(200, typeof(SupportRequestView))]
    [Function(nameof(GetSupportRequest))]
    public Task<IActionResult> GetSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "support-requests/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await support.GetAsync(caller.Scope(), caller.UserId, id, ct)));

    [ApiSummary("Earlier messages of a request, newest first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<SupportMessageView>))]
    [Function(nameof(ListSupportMessages))]
    public Task<IActionResult> ListSupportMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "support-requests/{id}/messages")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await support.MessagesAsync(caller.Scope(), caller.UserId, id, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("Reply; a reply to a resolved request opens it again")]
    [ApiHeader("Idempotency-Key", "Chosen per attempt; a retry with the same key and text posts once")]
    [ApiRequest(typeof(SupportMessageRequest))]
    [ApiResponse(201, typeof(SupportMessageView))]
    [Function(nameof(PostSupportMessage))]
    public Task<IActionResult> PostSupportMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests/{id}/messages")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var body = await req.ReadJsonAsync<SupportMessageRequest>(ct);
            var message = await support.PostAsync(caller, caller.Scope(), id, body, fromSupplier: false, Idempotency.KeyOf(req), ct);
            return ApiResult.Created($"/api/support-requests/{id}/messages/{message.Id}", message);
        });

    [ApiSummary("Attach a file to your own message: the raw file as the body, its name in fileName (images, PDF, CSV, text, Office; 10 MB)")]
    [ApiQuery("fileName", typeof(string), "Required: the file's name with its extension")]
    [ApiHeader("Idempotency-Key", "Chosen per file; a retry with the same key stores the file once")]
    [ApiRequest(typeof(byte[]), ContentTypes = ["application/octet-stream"], Description = "The file itself; its type comes from the name's extension")]
    [ApiResponse(201, typeof(AttachmentView))]
    [Function(nameof(AttachSupportFile))]
    public Task<IActionResult> AttachSupportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests/{id}/messages/{messageId}/attachments")] HttpRequest req,
        string id, string messageId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var file = await Attachments.ReadAsync(req, SupportService.Files, ct);
            var view = await support.AttachAsync(caller, caller.Scope(), id, messageId, file, Idempotency.KeyOf(req), ct);
            return ApiResult.Created($"/api/support-requests/{id}/messages/{messageId}/attachments/{view.Id}", view);
        });

    [ApiSummary("Download a message's file: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    [Function(nameof(DownloadSupportFile))]
    public Task<IActionResult> DownloadSupportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "support-requests/{id}/messages/{messageId}/attachments/{attachmentId}")] HttpRequest req,
        string id, string messageId, string attachmentId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Redirect((await support.AttachmentLinkAsync(caller.Scope(), id, messageId, attachmentId, ct)).ToString()));

    [ApiSummary("Close the request (any time); it can be reopened for 14 days")]
    [ApiResponse(200, typeof(SupportRequestView))]
    [Function(nameof(CloseSupportRequest))]
    public Task<IActionResult> CloseSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests/{id}/close")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await support.CloseAsync(caller, id, ct)));

    [ApiSummary("Reopen a resolved or closed request, within 14 days")]
    [ApiResponse(200, typeof(SupportRequestView))]
    [Function(nameof(ReopenSupportRequest))]
    public Task<IActionResult> ReopenSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests/{id}/reopen")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await support.ReopenAsync(caller, id, ct)));

    [ApiSummary("Mark the request read by you: its unread marker goes away until someone else writes")]
    [ApiResponse(204)]
    [Function(nameof(MarkSupportRequestRead))]
    public Task<IActionResult> MarkSupportRequestRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "support-requests/{id}/read")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await support.MarkReadAsync(caller, id, ct);
            return ApiResult.NoContent();
        });
}
