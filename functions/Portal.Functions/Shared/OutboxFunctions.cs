using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared;
using Portal.Core.Shared.Events;

namespace Portal.Functions.Shared;

public sealed class OutboxFunctions(OutboxDispatcher dispatcher)
{
    /// <summary>Sends a partition's waiting integration events to the ERP sink (Service Bus or the local queue).</summary>
    [Function(nameof(DispatchOutbox))]
    public async Task DispatchOutbox([QueueTrigger(OutboxDispatcher.QueueName)] string message, CancellationToken ct)
    {
        var work = JsonSerializer.Deserialize<OutboxWork>(message, PortalJson.Options) ?? throw new InvalidOperationException("An empty outbox message.");
        await dispatcher.DispatchAsync(work, ct);
    }
}
