using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;

namespace Portal.LocalHost;

/// <summary>
/// Locally there is no Event Grid, so this stands in for the storage account's system topic: it watches the documents
/// and materials containers and writes the same Event Grid messages (BlobCreated, BlobDeleted, Event Grid schema)
/// into the same blob-events queue, where the same queue function handles them. At start every blob counts as
/// created once, so files uploaded while the portal was stopped are picked up too (handling is idempotent).
/// </summary>
public sealed class BlobEventWatcher(BlobServiceClient blobs, QueueServiceClient queues, WatcherSettings settings, ILogger<BlobEventWatcher> logger)
    : BackgroundService
{
    private static readonly string[] Containers = [DocumentsTables.DocumentsContainer, DocumentsTables.MaterialsContainer];

    private readonly Dictionary<(string Container, string Name), string> _seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(DocumentsTables.BlobEventsQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(queue, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Watching the supplier containers failed; trying again");
            }
            await Task.Delay(settings.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private async Task ScanAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        var current = new Dictionary<(string, string), (string ETag, long Size, string Url)>();
        foreach (var container in Containers)
        {
            var client = blobs.GetBlobContainerClient(container);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                current[(container, blob.Name)] = (blob.Properties.ETag?.ToString() ?? "", blob.Properties.ContentLength ?? 0, client.GetBlobClient(blob.Name).Uri.ToString());
            }
        }
        foreach (var (key, blob) in current)
        {
            if (!_seen.TryGetValue(key, out var etag) || etag != blob.ETag)
            {
                await queue.SendMessageAsync(Event(SupplierFiles.BlobCreated, key.Item1, key.Item2, blob.Url, blob.Size), cancellationToken);
                _seen[key] = blob.ETag;
            }
        }
        foreach (var key in _seen.Keys.Where(k => !current.ContainsKey(k)).ToList())
        {
            await queue.SendMessageAsync(Event(SupplierFiles.BlobDeleted, key.Container, key.Name, blobs.GetBlobContainerClient(key.Container).GetBlobClient(key.Name).Uri.ToString(), 0),
                cancellationToken);
            _seen.Remove(key);
        }
    }

    /// <summary>An event as Event Grid writes it to a Storage queue subscription (Event Grid schema).</summary>
    internal static string Event(string type, string container, string name, string url, long size) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/local/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        ["subject"] = $"/blobServices/default/containers/{container}/blobs/{name}",
        ["eventType"] = type,
        ["eventTime"] = DateTimeOffset.UtcNow,
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["data"] = new Dictionary<string, object>
        {
            ["api"] = type == SupplierFiles.BlobCreated ? "PutBlob" : "DeleteBlob",
            ["contentType"] = "application/octet-stream",
            ["contentLength"] = size,
            ["blobType"] = "BlockBlob",
            ["url"] = url,
            ["sequencer"] = DateTimeOffset.UtcNow.UtcTicks.ToString("x16"),
        },
    }, PortalJson.Options);
}

/// <summary>How often the local watcher looks at the containers.</summary>
public sealed record WatcherSettings(TimeSpan PollInterval);
