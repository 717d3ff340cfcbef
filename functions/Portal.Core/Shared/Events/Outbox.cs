using System.Text.Json;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Shared.Events;

/// <summary>
/// Outbox rows: an integration event recorded in the same entity-group transaction as the change it reports, in the
/// same partition, so the change and its event exist together or not at all. After the transaction the feature asks
/// <see cref="OutboxDispatcher.RequestDispatchAsync"/> to send the partition's rows; a crash in between only delays them.
/// </summary>
public static class Outbox
{
    public const string RowPrefix = "outbox:";

    /// <summary>Adds the event to <paramref name="change"/>. The id is derived from the change, so redoing it yields the same event.</summary>
    public static EntityGroup AddEvent(this EntityGroup change, string eventId, string eventType, DateTimeOffset occurredAt, object payload) =>
        change.Add(new OutboxEntity
        {
            PartitionKey = change.PartitionKey,
            RowKey = RowPrefix + eventId,
            EventId = eventId,
            EventType = eventType,
            CreatedAt = occurredAt,
            Payload = JsonSerializer.Serialize(payload, PortalJson.Options),
        });
}

/// <summary>An integration event waiting to be sent to the ERP.</summary>
public sealed class OutboxEntity : TableRow
{
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
