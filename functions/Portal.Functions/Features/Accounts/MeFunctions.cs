using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

/// <summary>The signed-in user's own account: profile, contact details, password, and colleagues at the same counterparty.</summary>
public sealed class MeFunctions(PortalEndpoint endpoint, AccountService accounts)
{
    [ApiSummary("The signed-in user, their company and the CSRF token")]
    [ApiResponse(200, typeof(MeView))]
    [Function(nameof(GetMe))]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.SignedIn, async caller =>
        {
            var (me, etag) = await accounts.GetMeAsync(caller, ct);
            return ApiResult.Ok(me).WithETag(etag);
        });

    [ApiSummary("Whether this browser is signed in (200 either way, so a first visit logs no failed request); the user when it is")]
    [ApiResponse(200, typeof(SessionView))]
    [Function(nameof(GetSession))]
    [ApiAnonymous]
    public Task<IActionResult> GetSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/session")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Anonymous, async caller =>
        {
            if (!caller.IsSignedIn)
            {
                return ApiResult.Ok(new SessionView(false, null));
            }
            var (me, etag) = await accounts.GetMeAsync(caller, ct);
            return ApiResult.Ok(new SessionView(true, me)).WithETag(etag);
        });

    [ApiSummary("Change own contact details")]
    [ApiHeader("If-Match", "The ETag you last read", Required = true)]
    [ApiRequest(typeof(ContactRequest))]
    [ApiResponse(200, typeof(MeView))]
    [Function(nameof(UpdateMyContact))]
    public Task<IActionResult> UpdateMyContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/contact")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.SignedIn, async caller =>
        {
            var ifMatch = req.RequireIfMatch();
            var body = await req.ReadJsonAsync<ContactRequest>(ct);
            await accounts.UpdateContactAsync(caller, body, ifMatch, ct);
            var (me, etag) = await accounts.GetMeAsync(caller, ct);
            return ApiResult.Ok(me).WithETag(etag);
        });

    [ApiSummary("Change own password; other sessions end")]
    [ApiRequest(typeof(ChangePasswordRequest))]
    [ApiResponse(204)]
    [Function(nameof(ChangeMyPassword))]
    public Task<IActionResult> ChangeMyPassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/password")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.SignedIn, async caller =>
        {
            var body = await req.ReadJsonAsync<ChangePasswordRequest>(ct);
            await accounts.ChangePasswordAsync(caller, body, ct);
            return ApiResult.NoContent();
        });

    [ApiSummary("Colleagues at the same counterparty")]
    [ApiResponse(200, typeof(ItemList<ColleagueView>))]
    [Function(nameof(ListColleagues))]
    public Task<IActionResult> ListColleagues(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/users")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(new ItemList<ColleagueView>(await accounts.ListColleaguesAsync(caller, ct))));

    [ApiResponse(200, typeof(ColleagueView))]
    [Function(nameof(GetColleague))]
    public Task<IActionResult> GetColleague(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/users/{userId}")] HttpRequest req, string userId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await accounts.GetColleagueAsync(caller, userId, ct)));
}
