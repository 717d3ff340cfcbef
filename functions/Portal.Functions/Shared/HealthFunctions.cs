using System.Reflection;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Shared;

public sealed class HealthFunctions(PortalEndpoint endpoint, TableServiceClient tables)
{
    private static readonly string Version =
        typeof(HealthFunctions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>For load balancers and monitoring: 200 with the version when storage answers, 503 when it does not.</summary>
    [ApiSummary("200 with the version when storage answers, else 503")]
    [ApiResponse(200, typeof(HealthView))]
    [Function(nameof(GetHealth))]
    [ApiAnonymous]
    public Task<IActionResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Anonymous, async _ =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await tables.GetTableClient(AccountsTables.Settings).GetEntityIfExistsAsync<TableEntity>("portal", "portal", select: ["PartitionKey"], cancellationToken: timeout.Token);
                return ApiResult.Ok(new HealthView("healthy", Version, "reachable"));
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
            {
                throw new PortalProblemException(503, Problems.TypeBase + "unhealthy", "Storage is not reachable.",
                    $"Version {Version}. The portal cannot read its data store right now.");
            }
        });
}

/// <summary>What a load balancer or monitor reads from GET health.</summary>
public sealed record HealthView(string Status, string Version, string Storage);
