using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Core.Shared.Http;

/// <summary>
/// The one result type our functions return. It implements <see cref="IActionResult"/> (what the Functions
/// ASP.NET Core integration executes) but writes the response itself, so it needs no MVC formatters and runs the
/// same under the Functions host and LocalHost.
/// </summary>
public sealed class ApiResult : IActionResult
{
    private readonly object? _body;
    private readonly string _contentType;
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private Action<HttpResponse>? _onResponse;

    private ApiResult(int status, object? body, string contentType)
    {
        StatusCode = status;
        _body = body;
        _contentType = contentType;
    }

    public int StatusCode { get; }

    public object? Body => _body;

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body, "application/json; charset=utf-8");

    public static ApiResult Created(string location, object body) =>
        new ApiResult(StatusCodes.Status201Created, body, "application/json; charset=utf-8").WithHeader("Location", location);

    public static ApiResult Accepted(string location, object body) =>
        new ApiResult(StatusCodes.Status202Accepted, body, "application/json; charset=utf-8").WithHeader("Location", location);

    /// <summary>A file to save (a CSV export): the bytes as they are, with a download name.</summary>
    public static ApiResult File(byte[] content, string contentType, string fileName) =>
        new ApiResult(StatusCodes.Status200OK, content, contentType)
            .WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, null, "");

    public static ApiResult Redirect(string url) =>
        new ApiResult(StatusCodes.Status302Found, null, "").WithHeader("Location", url);

    public static ApiResult Problem(PortalProblemException problem, string? instance = null) =>
        new(problem.Status, ToProblemDetails(problem, instance), "application/problem+json; charset=utf-8");

    /// <summary>Also changes the response itself, e.g. its cookies (sign-in, sign-out).</summary>
    public ApiResult WithCookies(Action<HttpResponse> setCookies)
    {
        _onResponse += setCookies;
        return this;
    }

    public ApiResult WithHeader(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    public ApiResult WithETag(string etag) => WithHeader("ETag", etag);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in _headers)
        {
            response.Headers.Append(name, value);
        }
        response.Headers.CacheControl = "no-store";
        _onResponse?.Invoke(response);
        if (_body is null)
        {
            return;
        }
        response.ContentType = _contentType;
        if (_body is byte[] bytes)
        {
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
            return;
        }
        await JsonSerializer.SerializeAsync(response.Body, _body, _body.GetType(), PortalJson.Options, context.HttpContext.RequestAborted);
    }

    private static Dictionary<string, object?> ToProblemDetails(PortalProblemException problem, string? instance)
    {
        // Built by hand (not ProblemDetails) so the member order and names are exactly RFC 9457's.
        var body = new Dictionary<string, object?>
        {
            ["type"] = problem.Type,
            ["title"] = problem.Title,
            ["status"] = problem.Status,
        };
        if (problem.Detail is not null)
        {
            body["detail"] = problem.Detail;
        }
        if (instance is not null)
        {
            body["instance"] = instance;
        }
        if (problem.Errors is { Count: > 0 })
        {
            body["errors"] = problem.Errors;
        }
        return body;
    }
}
