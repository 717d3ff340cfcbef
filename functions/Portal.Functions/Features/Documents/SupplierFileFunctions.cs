using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;

namespace Portal.Functions.Features.Documents;

public sealed class SupplierFileFunctions(SupplierFiles files)
{
    /// <summary>
    /// A file uploaded to or deleted from the documents or materials container. In Azure the storage account's Event Grid
    /// system topic writes these messages; locally LocalHost's watcher does. Safe to run twice or out of order.
    /// </summary>
    [Function(nameof(HandleBlobEvent))]
    public Task HandleBlobEvent([QueueTrigger(DocumentsTables.BlobEventsQueue)] string message, CancellationToken ct) => files.HandleAsync(message, ct);
}
