using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Portal.Core.Shared.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Shared;

/// <summary>
/// Storage clients, registered once. They read the same setting the Functions host uses for its own storage,
/// <c>AzureWebJobsStorage</c>: a connection string locally, or service URIs plus a managed identity in Azure
/// (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>).
/// </summary>
public static class PortalStorage
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionName);
        var connectionString = section.Value;

        services.AddSingleton(_ =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(StorageKeyGuard.Instance, HttpPipelinePosition.PerCall);
            options.AddPolicy(StorageRequestCountingPolicy.Instance, HttpPipelinePosition.PerRetry);
            return string.IsNullOrWhiteSpace(connectionString)
                ? new TableServiceClient(RequiredUri(section, "tableServiceUri"), Credential(section), options)
                : new TableServiceClient(connectionString, options);
        });
        services.AddSingleton(_ =>
        {
            var options = new BlobClientOptions();
            options.AddPolicy(StorageRequestCountingPolicy.Instance, HttpPipelinePosition.PerRetry);
            return string.IsNullOrWhiteSpace(connectionString)
                ? new BlobServiceClient(RequiredUri(section, "blobServiceUri"), Credential(section), options)
                : new BlobServiceClient(connectionString, options);
        });
        // The Functions host reads and writes queue messages as base64 (host.json messageEncoding),
        // so messages we enqueue for our own queue triggers must be base64 too.
        services.AddSingleton(_ => CreateQueueServiceClient(configuration, QueueMessageEncoding.Base64));
        return services;
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, QueueMessageEncoding encoding)
    {
        var section = configuration.GetSection(ConnectionName);
        var options = new QueueClientOptions { MessageEncoding = encoding };
        options.AddPolicy(StorageRequestCountingPolicy.Instance, HttpPipelinePosition.PerRetry);
        return string.IsNullOrWhiteSpace(section.Value)
            ? new QueueServiceClient(RequiredUri(section, "queueServiceUri"), Credential(section), options)
            : new QueueServiceClient(section.Value, options);
    }

    /// <summary>True when the connection is the local storage emulator, where account-key SAS and auto-start apply.</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        !string.IsNullOrWhiteSpace(connectionString) &&
        (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ||
         connectionString.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));

    private static Uri RequiredUri(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{ConnectionName}' to a connection string, or '{ConnectionName}__{key}' to the service URI.");
        }
        return uri;
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
