using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Returns;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Returns;

/// <summary>
/// The RMA desk, for clerks and the ERP: sent requests waiting for a decision, accept with a resolution and an
/// expected date, change the date, reject with a reason, complete, and publish the goods return and credit note.
/// Requests are addressed by counterparty and id, as they are stored. Staff only.
/// </summary>
public sealed class ManageRmaRequestsFunctions(PortalEndpoint endpoint, RmaService rma)
{
    private const string Route = "manage/rma-requests/{counterpartyId}/{id}";

    [ApiSummary("Sent RMA requests of one counterparty, or of each: waiting for a decision first, then in progress, then closed")]
    [ApiQuery("counterpartyId", typeof(string), "One counterparty")]
    [ApiQuery("status", typeof(RmaStatus), "Only requests in this status")]
    [ApiResponse(200, typeof(ItemList<StaffRmaSummaryView>))]
    [Function(nameof(ManageListRmaRequests))]
    public Task<IActionResult> ManageListRmaRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/rma-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.ListForStaffAsync(caller, req.QueryValue("counterpartyId"), req.QueryEnum<RmaStatus>("status"), ct)));

    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(ManageGetRmaRequest))]
    public Task<IActionResult> ManageGetRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await rma.GetAsync(caller.ScopeFor(counterpartyId), id, ct)));

    [ApiSummary("Download a file the customer attached: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    [Function(nameof(ManageDownloadRmaAttachment))]
    public Task<IActionResult> ManageDownloadRmaAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/attachments/{attachmentId}")] HttpRequest req, string counterpartyId, string id,
        string attachmentId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Redirect((await rma.AttachmentLinkAsync(caller.ScopeFor(counterpartyId), id, attachmentId, ct)).ToString()));

    [ApiHeader("If-Match", "The request's version as read; 412 if it changed since (optional: without it the latest is changed)")]
    [ApiSummary("Accept: In progress, with the resolution and the expected date; accepting again changes nothing")]
    [ApiRequest(typeof(AcceptRmaRequest))]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(AcceptRmaRequest))]
    public Task<IActionResult> AcceptRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/accept")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.AcceptAsync(caller.ScopeFor(counterpartyId), id, await req.ReadJsonAsync<AcceptRmaRequest>(ct), caller.Username, req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The request's version as read; 412 if it changed since (optional: without it the latest is changed)")]
    [ApiSummary("Change the expected date of a request in progress")]
    [ApiRequest(typeof(RmaExpectedDateRequest))]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(ChangeRmaExpectedDate))]
    public Task<IActionResult> ChangeRmaExpectedDate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/expected-date")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.ChangeExpectedDateAsync(caller.ScopeFor(counterpartyId), id, await req.ReadJsonAsync<RmaExpectedDateRequest>(ct), caller.Username, req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The request's version as read; 412 if it changed since (optional: without it the latest is changed)")]
    [ApiSummary("Reject with a reason the customer reads; the quantities can be asked for again")]
    [ApiRequest(typeof(RejectRmaRequest))]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(RejectRmaRequest))]
    public Task<IActionResult> RejectRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/reject")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.RejectAsync(caller.ScopeFor(counterpartyId), id, await req.ReadJsonAsync<RejectRmaRequest>(ct), caller.Username, req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The request's version as read; 412 if it changed since (optional: without it the latest is changed)")]
    [ApiSummary("Complete a request in progress; completing again changes nothing")]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(CompleteRmaRequest))]
    public Task<IActionResult> CompleteRmaRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/complete")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.CompleteAsync(caller.ScopeFor(counterpartyId), id, caller.Username, req.OptionalIfMatch(), ct)));

    [ApiHeader("If-Match", "The request's version as read; 412 if it changed since (optional: without it the latest is changed)")]
    [ApiSummary("Publish the goods return or credit note that comes of an accepted request, its lines taken from the request unless given")]
    [ApiRequest(typeof(PublishRmaDocumentRequest))]
    [ApiResponse(200, typeof(RmaView))]
    [Function(nameof(PublishRmaDocument))]
    public Task<IActionResult> PublishRmaDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/documents")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await rma.PublishDocumentAsync(caller.ScopeFor(counterpartyId), id, await req.ReadJsonAsync<PublishRmaDocumentRequest>(ct), req.OptionalIfMatch(), ct)));
}
