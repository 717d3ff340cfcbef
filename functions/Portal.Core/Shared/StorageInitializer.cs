using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Shared;

/// <summary>A table, queue or blob container a feature needs. Features declare theirs; the initializer creates them.</summary>
public sealed record StorageResource(StorageResourceKind Kind, string Name);

public enum StorageResourceKind
{
    Table,
    Queue,
    BlobContainer,
}

public static class StorageResourceRegistration
{
    public static IServiceCollection AddPortalTables(this IServiceCollection services, params string[] names)
    {
        foreach (var name in names)
        {
            services.AddSingleton(new StorageResource(StorageResourceKind.Table, name));
        }
        return services;
    }

    public static IServiceCollection AddPortalQueues(this IServiceCollection services, params string[] names)
    {
        foreach (var name in names)
        {
            services.AddSingleton(new StorageResource(StorageResourceKind.Queue, name));
            services.AddSingleton(new StorageResource(StorageResourceKind.Queue, name + "-poison"));
        }
        return services;
    }

    public static IServiceCollection AddPortalBlobContainers(this IServiceCollection services, params string[] names)
    {
        foreach (var name in names)
        {
            services.AddSingleton(new StorageResource(StorageResourceKind.BlobContainer, name));
        }
        return services;
    }
}

/// <summary>
/// Creates every declared table, queue and container when the app starts, so no request path has to ask
/// "does this exist?". In Azure the infrastructure creates them too; creating an existing one is a no-op.
/// </summary>
public sealed class StorageInitializer(
    IEnumerable<StorageResource> resources,
    TableServiceClient tables,
    QueueServiceClient queues,
    BlobServiceClient blobs,
    ILogger<StorageInitializer> logger) : IHostedService
{
    private int _done;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }
        var all = resources.Distinct().ToList();
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (resource, ct) =>
        {
            switch (resource.Kind)
            {
                case StorageResourceKind.Table:
                    await tables.CreateTableIfNotExistsAsync(resource.Name, ct);
                    break;
                case StorageResourceKind.Queue:
                    await queues.GetQueueClient(resource.Name).CreateIfNotExistsAsync(cancellationToken: ct);
                    break;
                case StorageResourceKind.BlobContainer:
                    await blobs.GetBlobContainerClient(resource.Name).CreateIfNotExistsAsync(cancellationToken: ct);
                    break;
            }
        });
        logger.LogInformation("Storage ready: {Count} tables, queues and containers", all.Count);
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
