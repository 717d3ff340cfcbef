using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

/// <summary>
/// The company side of access: the portal-wide external access switch, counterparties, access groups and
/// external users (the seed's company representative workflow). Staff only.
/// </summary>
public sealed class ManageAccountsFunctions(PortalEndpoint endpoint, AccountService accounts)
{
    [ApiSummary("Users and rights settings: the external access switch, company name, currency")]
    [ApiResponse(200, typeof(SettingsView))]
    [Function(nameof(GetPortalSettings))]
    public Task<IActionResult> GetPortalSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/settings")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (view, etag) = await accounts.GetSettingsAsync(ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiHeader("If-Match", "The ETag you last read; without it the change applies to whatever is current")]
    [ApiRequest(typeof(SettingsRequest))]
    [ApiResponse(200, typeof(SettingsView))]
    [Function(nameof(UpdatePortalSettings))]
    public Task<IActionResult> UpdatePortalSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/settings")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var body = await req.ReadJsonAsync<SettingsRequest>(ct);
            var (view, etag) = await accounts.UpdateSettingsAsync(body, req.OptionalIfMatch(), ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiResponse(200, typeof(ItemList<CounterpartyView>))]
    [Function(nameof(ListCounterparties))]
    public Task<IActionResult> ListCounterparties(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/counterparties")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<CounterpartyView>(await accounts.ListCounterpartiesAsync(ct))));

    [ApiResponse(200, typeof(CounterpartyView))]
    [Function(nameof(GetCounterparty))]
    public Task<IActionResult> GetCounterparty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/counterparties/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (view, etag) = await accounts.GetCounterpartyVersionAsync(id, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Create or update a counterparty by the company's id")]
    [ApiHeader("If-Match", "Replace only this version (a staff edit); 412 when it changed")]
    [ApiHeader("If-None-Match", "* to create only; 409 when the id is taken. Neither header: create or replace (the ERP's upsert)")]
    [ApiRequest(typeof(CounterpartyRequest))]
    [ApiResponse(200, typeof(CounterpartyView))]
    [Function(nameof(PutCounterparty))]
    public Task<IActionResult> PutCounterparty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/counterparties/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var condition = req.WriteCondition();
            var (view, etag) = await accounts.UpsertCounterpartyAsync(id, await req.ReadJsonAsync<CounterpartyRequest>(ct), ct, condition);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Access groups with how many users each has")]
    [ApiResponse(200, typeof(ItemList<AccessGroupSummaryView>))]
    [Function(nameof(ListAccessGroups))]
    public Task<IActionResult> ListAccessGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/access-groups")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<AccessGroupSummaryView>(await accounts.ListAccessGroupsAsync(ct))));

    [ApiResponse(200, typeof(AccessGroupView))]
    [Function(nameof(GetAccessGroup))]
    public Task<IActionResult> GetAccessGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/access-groups/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (view, etag) = await accounts.GetAccessGroupAsync(id, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiHeader("If-Match", "Replace only this version (a staff edit); 412 when it changed")]
    [ApiHeader("If-None-Match", "* to create only; 409 when the id is taken")]
    [ApiRequest(typeof(AccessGroupRequest))]
    [ApiResponse(200, typeof(AccessGroupView))]
    [Function(nameof(PutAccessGroup))]
    public Task<IActionResult> PutAccessGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/access-groups/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var condition = req.WriteCondition();
            var (view, etag) = await accounts.UpsertAccessGroupAsync(id, await req.ReadJsonAsync<AccessGroupRequest>(ct), ct, condition);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Users (customers and staff) in username order, filtered and paged by the server")]
    [ApiQuery("search", typeof(string), "Start of the username or of a word of the name, any case")]
    [ApiQuery("counterpartyId", typeof(string), "Only this counterparty's users")]
    [ApiQuery("accessGroupId", typeof(string), "Only this group's users; none: customers in no group")]
    [ApiQuery("kind", typeof(UserKind), "customer or staff")]
    [ApiQuery("credentials", typeof(UserCredentials), "usernameAndPassword or usernameOnly")]
    [ApiQuery("disabled", typeof(bool), "true: only disabled users; false: only enabled ones")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<UserSummaryView>))]
    [Function(nameof(ListExternalUsers))]
    public Task<IActionResult> ListExternalUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/users")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var filter = UserListFilter.From(req.QueryValue("search"), req.QueryValue("counterpartyId"), req.QueryValue("accessGroupId"),
                req.QueryEnum<UserKind>("kind"), req.QueryBool("disabled"), req.QueryEnum<UserCredentials>("credentials"));
            return ApiResult.Ok(await accounts.ListUsersAsync(filter, req.QueryValue("continuation"), req.QueryInt("pageSize"), ct));
        });

    [ApiSummary("Give every user row written before the list's filter properties existed its summary, one bounded page per call; safe to repeat")]
    [ApiQuery("continuation", typeof(string), "The continuation of the call before; leave out to start")]
    [ApiResponse(200, typeof(UserSummaryBackfillView))]
    [Function(nameof(BackfillUserSummaries))]
    public Task<IActionResult> BackfillUserSummaries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/users/backfill")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            req.RequireNoBody();
            return ApiResult.Ok(await accounts.BackfillUserSummariesAsync(req.QueryValue("continuation"), ct));
        });

    [ApiSummary("Create a user; a retry with the same Idempotency-Key and body answers with the user it created")]
    [ApiHeader("Idempotency-Key", "Makes a retried create create the user once and answer the same")]
    [ApiRequest(typeof(CreateUserRequest))]
    [ApiResponse(201, typeof(ManagedUserView))]
    [Function(nameof(CreateUser))]
    public Task<IActionResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/users")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var key = Idempotency.KeyOf(req);
            var (user, _) = await accounts.CreateUserOnceAsync(caller, await req.ReadJsonAsync<CreateUserRequest>(ct), key, ct);
            // The same answer for the first request and its retries: the client may have lost the first one.
            return ApiResult.Created($"/api/manage/users/{user.Id}", user);
        });

    [ApiResponse(200, typeof(ManagedUserView))]
    [Function(nameof(GetUser))]
    public Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/users/{userId}")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (view, etag) = await accounts.GetUserAsync(userId, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Change a user; disabling, a new password or removing the password (username only) signs the user out everywhere")]
    [ApiHeader("If-Match", "The ETag you last read", Required = true)]
    [ApiRequest(typeof(UpdateUserRequest))]
    [ApiResponse(200, typeof(ManagedUserView))]
    [Function(nameof(UpdateUser))]
    public Task<IActionResult> UpdateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/users/{userId}")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
        {
            var ifMatch = req.RequireIfMatch();
            var (view, etag) = await accounts.UpdateUserAsync(userId, await req.ReadJsonAsync<UpdateUserRequest>(ct), ifMatch, ct, caller);
            return ApiResult.Ok(view).WithETag(etag);
        });
}
