using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Shared.Http;

/// <summary>
/// The edge every HTTP function goes through: who may call (the route's <see cref="Access"/>), CSRF defence on
/// state-changing requests, and one problem-details path for every failure. Function classes stay one line each.
/// It is plain code called by the function, not host middleware, so both hosts run it the same way.
/// </summary>
public sealed class PortalEndpoint(ICallerResolver callers, ILogger<PortalEndpoint> logger)
{
    public const string CsrfHeader = "X-CSRF-Token";

    public async Task<IActionResult> RunAsync(HttpRequest request, Access access, Func<Caller, Task<IActionResult>> handler)
    {
        try
        {
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (unsafeMethod)
            {
                RejectCrossSite(request);
            }

            var caller = await callers.ResolveAsync(request, request.HttpContext.RequestAborted);
            if (access != Access.Anonymous)
            {
                if (caller is null)
                {
                    throw Problems.Unauthenticated();
                }
                if (access == Access.Customer && caller.Kind != CallerKind.Customer)
                {
                    throw Problems.Forbidden("This is a customer page; sign in with a customer account.");
                }
                if (access == Access.Staff && caller.Kind != CallerKind.Staff)
                {
                    throw Problems.Forbidden("Only the supplier's staff may do this.");
                }
            }
            // Public routes (sign-in) are covered by the cross-site check alone: a browser that still holds a
            // session cookie but has lost the page's token must still be able to sign in again.
            if (unsafeMethod && access != Access.Anonymous && caller is not null && !HasCsrfToken(request, caller))
            {
                throw Problems.CsrfRejected();
            }
            return await handler(caller ?? Caller.Anonymous);
        }
        catch (PortalProblemException problem)
        {
            return ApiResult.Problem(problem, request.Path);
        }
        catch (Tables.UnsafeStorageKeyException unsafeKey)
        {
            // A value from the request could never be a key, so nothing is stored under it: a read finds nothing, a
            // change is refused before anything is written.
            return ApiResult.Problem(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? Problems.NotFound()
                : Problems.Validation(new Dictionary<string, string[]> { ["request"] = [$"A value in this request cannot be used as an identifier. {unsafeKey.Message}"] }),
                request.Path);
        }
        catch (Tables.StorageLimitException tooLarge)
        {
            return ApiResult.Problem(Problems.Validation(new Dictionary<string, string[]> { ["request"] = [$"This is too large to store. {tooLarge.Message}"] },
                "Send less at once (fewer lines, shorter texts) and try again."), request.Path);
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer.
            return ApiResult.NoContent();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled failure in {Method} {Path}", request.Method, request.Path.Value);
            return ApiResult.Problem(new PortalProblemException(500, Problems.TypeBase + "unexpected",
                "Something went wrong on our side.",
                $"Nothing you did caused this. Try again later; if it persists, quote reference {request.HttpContext.TraceIdentifier}."), request.Path);
        }
    }

    /// <summary>
    /// Browsers say where a request comes from. A state-changing request from another site is refused even
    /// before the session is looked at (this also covers sign-in, which has no session yet).
    /// </summary>
    private static void RejectCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "cross-site" or "same-site")
        {
            throw Problems.CsrfRejected();
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" &&
            (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) ||
             !string.Equals(originUri.Authority, PublicHost(request), StringComparison.OrdinalIgnoreCase)))
        {
            throw Problems.CsrfRejected();
        }
        if (origin == "null")
        {
            throw Problems.CsrfRejected();
        }
    }

    // Behind Static Web Apps the function sees the backend's host; the browser's origin is the forwarded host.
    private static string PublicHost(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-Host"].ToString();
        return forwarded.Length > 0 ? forwarded.Split(',')[0].Trim() : request.Host.Value ?? "";
    }

    private static bool HasCsrfToken(HttpRequest request, Caller caller)
    {
        var sent = request.Headers[CsrfHeader].ToString();
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(caller.CsrfToken));
    }
}
