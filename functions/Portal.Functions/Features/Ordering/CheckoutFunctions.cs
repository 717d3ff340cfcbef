using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Ordering;

/// <summary>Create order from the cart: 202 at once, then a queue function creates one order per warehouse.</summary>
public sealed class CheckoutFunctions(PortalEndpoint endpoint, CheckoutService checkouts)
{
    [ApiSummary("Create order(s) from the cart: one per warehouse, made in the background")]
    [ApiHeader("If-Match", "The cart version the buyer reviewed", Required = true)]
    [ApiHeader("Idempotency-Key", "Chosen per attempt; a retry with the same key and request answers with the same checkout")]
    [ApiRequest(typeof(CheckoutRequest))]
    [ApiResponse(202, typeof(CheckoutView))]
    [Function(nameof(StartCheckout))]
    public Task<IActionResult> StartCheckout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkouts")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            // If-Match names the cart version the customer reviewed: what is ordered is what they saw.
            var cartVersion = req.RequireIfMatch();
            var body = await req.ReadJsonAsync<CheckoutRequest>(ct);
            var (view, _) = await checkouts.StartAsync(caller, body, cartVersion, Idempotency.KeyOf(req), ct);
            return ApiResult.Accepted($"/api/checkouts/{view.Id}", view);
        });

    [ApiSummary("Poll a checkout until it is completed (order numbers) or failed (reason)")]
    [ApiResponse(200, typeof(CheckoutView))]
    [Function(nameof(GetCheckout))]
    public Task<IActionResult> GetCheckout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkouts/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await checkouts.GetAsync(caller, id, ct)));

    [Function(nameof(ProcessCheckout))]
    public async Task ProcessCheckout([QueueTrigger(CheckoutService.QueueName)] string message, CancellationToken ct)
    {
        var work = JsonSerializer.Deserialize<CheckoutWork>(message, PortalJson.Options)
                   ?? throw new InvalidOperationException("An empty checkout message.");
        await checkouts.ProcessAsync(work, ct);
    }
}
