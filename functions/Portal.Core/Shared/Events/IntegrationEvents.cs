using System.Text.Json;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Shared.Events;

/// <summary>
/// An event for the company's ERP ("order placed", "RMA sent"…). Its <see cref="Id"/> is fixed when the change
/// is made, so sending it again (after a crash or a redelivered message) can be recognised and dropped: Service
/// Bus duplicate detection does that by MessageId; a queue consumer compares ids.
/// </summary>
public sealed record IntegrationEvent(string Id, string Type, DateTimeOffset OccurredAt, string CounterpartyId, JsonElement Data);

public interface IIntegrationEventSink
{
    Task SendAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>Locally (and wherever Service Bus is not configured): a Storage queue, one JSON event per message.</summary>
public sealed class QueueEventSink(QueueServiceClient queues, IOptions<EventsOptions> options) : IIntegrationEventSink
{
    public async Task SendAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(options.Value.Destination)
            .SendMessageAsync(JsonSerializer.Serialize(integrationEvent, PortalJson.Options), cancellationToken);
}

/// <summary>In Azure: the Service Bus topic, with the event id as MessageId for duplicate detection.</summary>
public sealed class ServiceBusEventSink : IIntegrationEventSink, IAsyncDisposable
{
    private readonly ServiceBusClient _client;
    private readonly ServiceBusSender _sender;

    public ServiceBusEventSink(IOptions<EventsOptions> options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var ns = options.Value.ServiceBusNamespace
                 ?? throw new InvalidOperationException($"{EventsOptions.SectionName}:ServiceBusNamespace must be set when the sink is ServiceBus.");
        // The same user-assigned identity that reaches storage (AzureWebJobsStorage__clientId) sends the events.
        var clientId = configuration[$"{PortalStorage.ConnectionName}:clientId"];
        _client = new ServiceBusClient(ns, string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)));
        _sender = _client.CreateSender(options.Value.Destination);
    }

    public async Task SendAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(integrationEvent, PortalJson.Options))
        {
            MessageId = integrationEvent.Id,
            Subject = integrationEvent.Type,
            ContentType = "application/json",
        };
        message.ApplicationProperties["counterpartyId"] = integrationEvent.CounterpartyId;
        await _sender.SendMessageAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _client.DisposeAsync();
    }
}

/// <summary>The work message that asks for one partition's outbox to be sent.</summary>
public sealed record OutboxWork(string Table, string Partition);

/// <summary>
/// Sends the outbox rows of one partition and deletes each once sent. Rows are written by features in the same
/// transaction as their change; this runs from the outbox queue, so a crash anywhere means a resend, never a loss.
/// </summary>
public sealed class OutboxDispatcher(TableServiceClient tables, QueueServiceClient queues, IIntegrationEventSink sink, ILogger<OutboxDispatcher> logger)
{
    public const string QueueName = "outbox";

    /// <summary>Asks for the partition's outbox to be sent (after the transaction that wrote it).</summary>
    public async Task RequestDispatchAsync(string table, string partition, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(QueueName).SendMessageAsync(JsonSerializer.Serialize(new OutboxWork(table, partition), PortalJson.Options), cancellationToken);

    public async Task DispatchAsync(OutboxWork work, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(work.Table);
        var sent = 0;
        await foreach (var row in table.QueryAsync<OutboxEntity>(
                           PagedQuery.Range(work.Partition, Outbox.RowPrefix, Outbox.RowPrefix + "~"), cancellationToken: cancellationToken))
        {
            var integrationEvent = new IntegrationEvent(row.EventId, row.EventType, row.CreatedAt, work.Partition,
                JsonDocument.Parse(row.Payload).RootElement.Clone());
            await sink.SendAsync(integrationEvent, cancellationToken);
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
            sent++;
        }
        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} integration event(s) for {Partition}", sent, work.Partition);
        }
    }
}
