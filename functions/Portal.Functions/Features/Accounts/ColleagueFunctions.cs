using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

/// <summary>
/// Account → Colleagues for a customer's administrator (a customer user staff made one; 403 for other customers,
/// 404 for a user of another company), and the staff's side of it: the groups an administrator may hand out, and
/// the audit of every change.
/// </summary>
public sealed class ColleagueFunctions(PortalEndpoint endpoint, ColleagueService colleagues)
{
    [ApiSummary("Administrator: the company's users and the access groups the supplier allows for it")]
    [ApiResponse(200, typeof(ColleagueAdminView))]
    [Function(nameof(ListManagedColleagues))]
    public Task<IActionResult> ListManagedColleagues(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/colleagues")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await colleagues.ListAsync(caller, ct)));

    [ApiSummary("Administrator: invite a colleague, with a password shown once or username only")]
    [ApiHeader("Idempotency-Key", "Makes a retried invite create the colleague once")]
    [ApiRequest(typeof(InviteColleagueRequest))]
    [ApiResponse(201, typeof(InvitedColleagueView))]
    [ApiResponse(200, typeof(InvitedColleagueView))]
    [Function(nameof(InviteColleague))]
    public Task<IActionResult> InviteColleague(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/colleagues")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await colleagues.RequireAdministratorAsync(caller, ct);
            var key = Idempotency.KeyOf(req);
            var body = await req.ReadJsonAsync<InviteColleagueRequest>(ct);
            var (view, created) = await colleagues.InviteAsync(caller, body, key, ct);
            return created ? ApiResult.Created($"/api/account/colleagues/{view.Colleague.Id}", view) : ApiResult.Ok(view);
        });

    [ApiSummary("Administrator: one colleague, with the ETag to edit it")]
    [ApiResponse(200, typeof(ManagedColleagueView))]
    [Function(nameof(GetManagedColleague))]
    public Task<IActionResult> GetManagedColleague(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/colleagues/{userId}")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var (view, etag) = await colleagues.GetAsync(caller, userId, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Administrator: rename, disable or enable a colleague, or move it to another allowed access group")]
    [ApiHeader("If-Match", "The colleague's ETag you last read", Required = true)]
    [ApiRequest(typeof(UpdateColleagueRequest))]
    [ApiResponse(200, typeof(ManagedColleagueView))]
    [Function(nameof(UpdateColleague))]
    public Task<IActionResult> UpdateColleague(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "account/colleagues/{userId}")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            await colleagues.RequireAdministratorAsync(caller, ct);
            var ifMatch = req.RequireIfMatch();
            var (view, etag) = await colleagues.UpdateAsync(caller, userId, await req.ReadJsonAsync<UpdateColleagueRequest>(ct), ifMatch, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Administrator: a new password for a colleague, shown once; the colleague is signed out everywhere")]
    [ApiResponse(200, typeof(NewPasswordView))]
    [Function(nameof(ResetColleaguePassword))]
    public Task<IActionResult> ResetColleaguePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/colleagues/{userId}/password")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await colleagues.ResetPasswordAsync(caller, userId, ct)));

    [ApiSummary("The access groups a counterparty's administrator may put colleagues in")]
    [ApiResponse(200, typeof(AllowedGroupsView))]
    [Function(nameof(GetColleagueGroups))]
    public Task<IActionResult> GetColleagueGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/counterparties/{id}/colleague-groups")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await colleagues.GetAllowedGroupsAsync(id, ct)));

    [ApiSummary("Set the access groups a counterparty's administrator may put colleagues in")]
    [ApiRequest(typeof(AllowedGroupsRequest))]
    [ApiResponse(200, typeof(AllowedGroupsView))]
    [Function(nameof(PutColleagueGroups))]
    public Task<IActionResult> PutColleagueGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/counterparties/{id}/colleague-groups")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await colleagues.SetAllowedGroupsAsync(caller, id, await req.ReadJsonAsync<AllowedGroupsRequest>(ct), ct)));

    [ApiSummary("Every change to a counterparty's accounts by its administrator or by staff, newest first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1–100, default 25")]
    [ApiResponse(200, typeof(ListPage<AuditEntryView>))]
    [Function(nameof(ListAccountAudit))]
    public Task<IActionResult> ListAccountAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/counterparties/{id}/audit")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await colleagues.ListAuditAsync(id, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));
}
