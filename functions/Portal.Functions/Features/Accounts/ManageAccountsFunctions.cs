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
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await accounts.GetCounterpartyAsync(id, ct)));

    [ApiSummary("Create or update a counterparty by the company's id")]
    [ApiRequest(typeof(CounterpartyRequest))]
    [ApiResponse(200, typeof(CounterpartyView))]
    [Function(nameof(PutCounterparty))]
    public Task<IActionResult> PutCounterparty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/counterparties/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await accounts.UpsertCounterpartyAsync(id, await req.ReadJsonAsync<CounterpartyRequest>(ct), ct)));

    [ApiResponse(200, typeof(ItemList<AccessGroupView>))]
    [Function(nameof(ListAccessGroups))]
    public Task<IActionResult> ListAccessGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/access-groups")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<AccessGroupView>(await accounts.ListAccessGroupsAsync(ct))));

    [ApiRequest(typeof(AccessGroupRequest))]
    [ApiResponse(200, typeof(AccessGroupView))]
    [Function(nameof(PutAccessGroup))]
    public Task<IActionResult> PutAccessGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/access-groups/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
            ApiResult.Ok(await accounts.UpsertAccessGroupAsync(id, await req.ReadJsonAsync<AccessGroupRequest>(ct), ct)));

    [ApiResponse(200, typeof(ItemList<ManagedUserView>))]
    [Function(nameof(ListExternalUsers))]
    public Task<IActionResult> ListExternalUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/users")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(new ItemList<ManagedUserView>(await accounts.ListUsersAsync(ct))));

    [ApiRequest(typeof(CreateUserRequest))]
    [ApiResponse(201, typeof(ManagedUserView))]
    [Function(nameof(CreateUser))]
    public Task<IActionResult> CreateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/users")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var user = await accounts.CreateUserAsync(await req.ReadJsonAsync<CreateUserRequest>(ct), null, ct);
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

    [ApiSummary("Change a user; disabling or a new password signs the user out everywhere")]
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
