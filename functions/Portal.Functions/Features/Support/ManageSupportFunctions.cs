using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Support;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Support;

/// <summary>The support desk: every customer company's requests, answered and moved on by the supplier's staff. Staff only.</summary>
public sealed class ManageSupportFunctions(PortalEndpoint endpoint, SupportService support)
{
    private const string Request = "manage/support-requests/{counterpartyId}/{id}";

    [ApiSummary("The desk: requests of every counterparty, awaiting an answer first, then newest activity")]
    [ApiQuery("status", typeof(SupportStatus), "Only requests in this status")]
    [ApiQuery("counterpartyId", typeof(string), "Only this counterparty's requests")]
    [ApiQuery("category", typeof(SupportCategory), "Only requests of this category")]
    [ApiQuery("linkedType", typeof(string), "Only requests about this document type, orders or rma-requests")]
    [ApiQuery("assignedTo", typeof(string), "A staff user's id, or none for unassigned requests")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<StaffSupportSummaryView>))]
    [Function(nameof(ManageListSupportRequests))]
    public Task<IActionResult> ManageListSupportRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/support-requests")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await support.DeskAsync(new SupportDeskQuery(req.QueryEnum<SupportStatus>("status"), req.QueryValue("counterpartyId"),
                req.QueryEnum<SupportCategory>("category"), req.QueryValue("linkedType"), req.QueryValue("assignedTo")),
                req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("The staff users a request can be assigned to")]
    [ApiResponse(200, typeof(ItemList<SupportAssigneeView>))]
    [Function(nameof(ListSupportAssignees))]
    public Task<IActionResult> ListSupportAssignees(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/support-assignees")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await support.AssigneesAsync(ct)));

    [ApiSummary("A request with its newest messages")]
    [ApiResponse(200, typeof(StaffSupportRequestView))]
    [Function(nameof(ManageGetSupportRequest))]
    public Task<IActionResult> ManageGetSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Request)] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await support.GetForStaffAsync(caller, counterpartyId, id, ct)));

    [ApiSummary("Earlier messages of a request, newest first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<SupportMessageView>))]
    [Function(nameof(ManageListSupportMessages))]
    public Task<IActionResult> ManageListSupportMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Request + "/messages")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await support.MessagesAsync(caller.ScopeFor(counterpartyId), caller.UserId, id, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [ApiSummary("Answer the customer")]
    [ApiHeader("Idempotency-Key", "Chosen per attempt; a retry with the same key and text posts once")]
    [ApiRequest(typeof(SupportMessageRequest))]
    [ApiResponse(201, typeof(SupportMessageView))]
    [Function(nameof(ManagePostSupportMessage))]
    public Task<IActionResult> ManagePostSupportMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Request + "/messages")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var body = await req.ReadJsonAsync<SupportMessageRequest>(ct);
            var message = await support.PostAsync(caller, caller.ScopeFor(counterpartyId), id, body, fromSupplier: true, Idempotency.KeyOf(req), ct);
            return ApiResult.Created($"/api/{Request.Replace("{counterpartyId}", counterpartyId).Replace("{id}", id)}/messages/{message.Id}", message);
        });

    [ApiSummary("Attach a file to your own answer: the raw file as the body, its name in fileName")]
    [ApiQuery("fileName", typeof(string), "Required: the file's name with its extension")]
    [ApiHeader("Idempotency-Key", "Chosen per file; a retry with the same key stores the file once")]
    [ApiRequest(typeof(byte[]), ContentTypes = ["application/octet-stream"], Description = "The file itself; its type comes from the name's extension")]
    [ApiResponse(201, typeof(AttachmentView))]
    [Function(nameof(ManageAttachSupportFile))]
    public Task<IActionResult> ManageAttachSupportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Request + "/messages/{messageId}/attachments")] HttpRequest req,
        string counterpartyId, string id, string messageId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var file = await Attachments.ReadAsync(req, SupportService.Files, ct);
            var view = await support.AttachAsync(caller, caller.ScopeFor(counterpartyId), id, messageId, file, Idempotency.KeyOf(req), ct);
            return ApiResult.Created($"/api/manage/support-requests/{counterpartyId}/{id}/messages/{messageId}/attachments/{view.Id}", view);
        });

    [ApiSummary("Download a message's file: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    [Function(nameof(ManageDownloadSupportFile))]
    public Task<IActionResult> ManageDownloadSupportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Request + "/messages/{messageId}/attachments/{attachmentId}")] HttpRequest req,
        string counterpartyId, string id, string messageId, string attachmentId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Redirect((await support.AttachmentLinkAsync(caller.ScopeFor(counterpartyId), id, messageId, attachmentId, ct)).ToString()));

    [ApiSummary("Set In progress or Resolved")]
    [ApiRequest(typeof(SupportStatusRequest))]
    [ApiResponse(200, typeof(StaffSupportRequestView))]
    [Function(nameof(SetSupportRequestStatus))]
    public Task<IActionResult> SetSupportRequestStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Request + "/status")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var body = await req.ReadJsonAsync<SupportStatusRequest>(ct);
            return ApiResult.Ok(await support.SetStatusAsync(caller, counterpartyId, id, body.Status, ct));
        });

    [ApiSummary("Assign the request to a staff user, or to nobody")]
    [ApiRequest(typeof(SupportAssignRequest))]
    [ApiResponse(200, typeof(StaffSupportRequestView))]
    [Function(nameof(AssignSupportRequest))]
    public Task<IActionResult> AssignSupportRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Request + "/assignee")] HttpRequest req, string counterpartyId, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var body = await req.ReadJsonAsync<SupportAssignRequest>(ct);
            return ApiResult.Ok(await support.AssignAsync(caller, counterpartyId, id, body.UserId, ct));
        });
}
