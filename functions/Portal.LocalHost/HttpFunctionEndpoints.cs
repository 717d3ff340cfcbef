using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// Maps every HTTP function at /{routePrefix}/{Route} with its verbs and route constraints, and invokes it the way
/// the Functions host's ASP.NET Core integration does: a new function class instance per invocation from the
/// request's DI scope, HttpRequest as the trigger, route then query values bound to parameters by name.
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string StorageRequestsHeader = "X-Storage-Requests";
    public const string StorageWritesHeader = "X-Storage-Writes";

    public static void MapHttpFunctions(this IEndpointRouteBuilder app, IEnumerable<HttpFunction> functions, string routePrefix,
        ContractChecks contractChecks = ContractChecks.Off)
    {
        foreach (var function in functions)
        {
            var pattern = "/" + string.Join('/', new[] { routePrefix.Trim('/'), function.Route.Trim('/') }.Where(s => s.Length > 0));
            // Read once: a status declared twice stops LocalHost here, naming the function.
            var contract = ToCheck(ApiContract.For(function.Name, function.Method), contractChecks);
            app.MapMethods(pattern, function.Verbs, context => InvokeAsync(function, contract, context))
                .WithDisplayName(function.Name);
        }
    }

    /// <summary>The contract to check a function's answers against in this mode, or null for none.</summary>
    internal static ApiContract? ToCheck(ApiContract contract, ContractChecks mode) => mode switch
    {
        ContractChecks.All => contract,
        ContractChecks.Declared when contract.IsDeclared => contract,
        _ => null,
    };

    private static async Task InvokeAsync(HttpFunction function, ApiContract? contract, HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.LocalHost.Http");
        using var storage = StorageRequestCounter.Begin();
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[StorageRequestsHeader] = storage.Count.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers[StorageWritesHeader] = storage.Writes.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, function.ClassType);
        var arguments = function.Method.GetParameters().Select(p => BindParameter(function, p, context)).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        var result = await Unwrap(returned);
        // An aborted request answers 204 to nobody (PortalEndpoint); that is no answer to check.
        if (contract is not null && result is ApiResult answer && !context.RequestAborted.IsCancellationRequested &&
            contract.Check(answer.StatusCode, answer.Body, requestHadCookies: context.Request.Headers.Cookie.Count > 0) is { } broken)
        {
            logger.LogError("API contract broken: {Error}", broken);
            result = ApiResult.Problem(new PortalProblemException(StatusCodes.Status500InternalServerError, Problems.TypeBase + "contract-broken",
                "The function's answer is not what its API contract declares.", broken), context.Request.Path);
        }
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }

        logger.LogInformation("{Function} {Method} {Path} -> {Status} in {Elapsed:F1} ms, {StorageRequests} storage requests",
            function.Name, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, storage.Count);
    }

    private static object? BindParameter(HttpFunction function, System.Reflection.ParameterInfo parameter, HttpContext context)
    {
        if (parameter.Position == function.Trigger.Position) // by position, see FunctionCatalog.DescribeHttp
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        var name = parameter.Name!;
        var raw = context.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is not null
            ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
            : context.Request.Query.TryGetValue(name, out var queryValue) ? queryValue.ToString() : null;
        return ConvertValue(raw, parameter.ParameterType);
    }

    private static object? ConvertValue(string? raw, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (raw is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }
        if (target == typeof(string))
        {
            return raw;
        }
        try
        {
            return target == typeof(Guid) ? Guid.Parse(raw)
                : target == typeof(DateOnly) ? DateOnly.Parse(raw, CultureInfo.InvariantCulture)
                : target == typeof(DateTimeOffset) ? DateTimeOffset.Parse(raw, CultureInfo.InvariantCulture)
                : Convert.ChangeType(raw, target, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            // The host passes the default when conversion fails; route constraints should prevent reaching here.
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return task.GetType().GetProperty("Result")?.GetValue(task);
            case ValueTask<IActionResult> valueAction:
                return await valueAction;
            case ValueTask<IResult> valueResult:
                return await valueResult;
            default:
                return returned;
        }
    }
}
