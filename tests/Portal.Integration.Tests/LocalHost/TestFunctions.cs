using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared.Http;

namespace Portal.Integration.Tests.LocalHost;

/// <summary>Functions that exist only in the tests, hosted by LocalHost next to the Function App's own.</summary>
public sealed class TestFunctions
{
    public const string SucceedingQueue = "test-succeeds";
    public const string FailingQueue = "test-fails";

    /// <summary>Message → times it was delivered to a function.</summary>
    public static readonly ConcurrentDictionary<string, int> Deliveries = new();

    [Function(nameof(TestRouteConstraints))]
    [ApiAnonymous]
    [ApiResponse(200, typeof(object))]
    public IActionResult TestRouteConstraints(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/items/{id:int}/{slug:alpha?}")] HttpRequest req,
        int id, string? slug, string? filter) =>
        ApiResult.Ok(new { id, slug, filter, method = req.Method });

    [Function(nameof(TestQueueSucceeds))]
    public async Task TestQueueSucceeds([QueueTrigger(SucceedingQueue)] string message, CancellationToken ct)
    {
        await Task.Yield();
        Deliveries.AddOrUpdate(message, 1, (_, n) => n + 1);
    }

    [Function(nameof(TestQueueFails))]
    public void TestQueueFails([QueueTrigger(FailingQueue)] string message)
    {
        Deliveries.AddOrUpdate(message, 1, (_, n) => n + 1);
        throw new InvalidOperationException("This function always fails.");
    }
}

// Not public, so the fixture's scan of this assembly does not pick them up; the refusal tests pass them directly.

internal sealed class FunctionWithContext
{
    [Function("UsesContext")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req, FunctionContext context) => new OkResult();
}

internal sealed class FunctionWithKey
{
    [Function("UsesFunctionKey")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest req) => new OkResult();
}

internal sealed class FunctionWithOutputBinding
{
    [Function("UsesOutputBinding")]
    [QueueOutput("somewhere")]
    public string Run([QueueTrigger("incoming")] string message) => message;
}

internal sealed class FunctionWithTypedPayload
{
    public sealed record Payload(string Id);

    [Function("UsesTypedPayload")]
    public void Run([QueueTrigger("incoming")] Payload message)
    {
    }
}
