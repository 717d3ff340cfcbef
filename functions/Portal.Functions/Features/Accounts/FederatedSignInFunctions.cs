using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

/// <summary>Sign-in with a work account (username-only users): what the sign-in page offers, and the token exchange.</summary>
public sealed class FederatedSignInFunctions(PortalEndpoint endpoint, FederatedSignInService federated, SignInService signIn, SessionService sessions, AccountService accounts)
{
    [ApiSummary("How the sign-in page may sign in: the work-account authority and client id when one is configured")]
    [ApiResponse(200, typeof(SignInProvidersView))]
    [Function(nameof(GetSignInProviders))]
    [ApiAnonymous]
    public Task<IActionResult> GetSignInProviders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/providers")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Anonymous, _ => Task.FromResult<IActionResult>(ApiResult.Ok(federated.Providers())));

    [ApiSummary("Sign in with a work account's ID token (username-only users); sets the session cookie. Every refusal is the same 401")]
    [ApiRequest(typeof(FederatedSignInRequest))]
    [ApiResponse(200, typeof(MeView))]
    [Function(nameof(SignInFederated))]
    [ApiAnonymous]
    public Task<IActionResult> SignInFederated(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/federated")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Anonymous, async _ =>
        {
            var body = await req.ReadJsonAsync<FederatedSignInRequest>(ct);
            var result = await federated.SignInAsync(body, signIn.ClientOf(req), ct);
            var caller = new Caller(CallerKind.Customer, result.User.UserId, result.User.Username, result.User.CounterpartyId, result.User.AccessGroupId,
                result.Session.RowKey, result.Session.CsrfToken);
            var (me, etag) = await accounts.GetMeAsync(caller, ct);
            return ApiResult.Ok(me).WithETag(etag)
                .WithCookies(response => sessions.WriteCookie(response, result.CookieValue, result.Session.ExpiresAt));
        });
}
