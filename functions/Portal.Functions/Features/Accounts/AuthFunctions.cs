using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

public sealed class AuthFunctions(PortalEndpoint endpoint, SignInService signIn, SessionService sessions, AccountService accounts)
{
    [ApiSummary("Sign in with username and password; sets the session cookie")]
    [ApiRequest(typeof(SignInRequest))]
    [ApiResponse(200, typeof(MeView))]
    [Function(nameof(SignIn))]
    [ApiAnonymous]
    public Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-in")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Anonymous, async _ =>
        {
            var body = await req.ReadJsonAsync<SignInRequest>(ct);
            var result = await signIn.SignInAsync(body.Username, body.Password, signIn.ClientOf(req), ct);
            var caller = new Caller(
                result.User.UserKind == UserKind.Staff ? CallerKind.Staff : CallerKind.Customer,
                result.User.UserId, result.User.Username, result.User.CounterpartyId, result.User.AccessGroupId,
                result.Session.RowKey, result.Session.CsrfToken);
            var (me, etag) = await accounts.GetMeAsync(caller, ct);
            return ApiResult.Ok(me).WithETag(etag)
                .WithCookies(response => sessions.WriteCookie(response, result.CookieValue, result.Session.ExpiresAt));
        });

    [ApiSummary("End the session")]
    [ApiResponse(204)]
    [Function(nameof(SignOut))]
    public Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-out")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.SignedIn, async caller =>
        {
            await sessions.RevokeAsync(caller.UserId, caller.SessionId, ct);
            return ApiResult.NoContent().WithCookies(SessionService.ClearCookie);
        });
}
