using Azure;
using Azure.Data.Tables;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// The writes of one entity-group transaction: one table, one partition, at most 100 entities, all or nothing.
/// Azurite accepts a batch across partitions that Azure rejects, so the rule is enforced here, as each write is
/// added, in every environment. Features build one of these per change and submit it through their store.
/// </summary>
public sealed class EntityGroup(string partitionKey)
{
    public const int MaxEntities = 100;

    private readonly List<TableTransactionAction> _actions = [];

    public string PartitionKey => partitionKey;

    public IReadOnlyList<TableTransactionAction> Actions => _actions;

    /// <summary>Inserts; the transaction fails with 409 if the row exists.</summary>
    public EntityGroup Add(ITableEntity entity) => Append(TableTransactionActionType.Add, entity, default);

    /// <summary>Inserts or replaces whatever is there.</summary>
    public EntityGroup Upsert(ITableEntity entity) => Append(TableTransactionActionType.UpsertReplace, entity, default);

    /// <summary>Replaces the row only if it still has the entity's ETag; the transaction fails with 412 otherwise.</summary>
    public EntityGroup Replace(ITableEntity entity) => Append(TableTransactionActionType.UpdateReplace, entity, entity.ETag);

    /// <summary>Deletes the row whatever its version.</summary>
    public EntityGroup Delete(string rowKey) => Append(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All);

    /// <summary>Deletes the row only if it still has the entity's ETag; the transaction fails with 412 otherwise.</summary>
    public EntityGroup Delete(ITableEntity entity) => Append(TableTransactionActionType.Delete, entity, entity.ETag);

    /// <summary>
    /// Commits the writes. Afterwards each written entity carries the ETag the service gave it, so a conditional write
    /// that follows (e.g. marking an index in step) needs no read first.
    /// </summary>
    public async Task SubmitAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (_actions.Count == 0)
        {
            return;
        }
        var responses = (await table.SubmitTransactionAsync(_actions, cancellationToken)).Value;
        for (var i = 0; i < _actions.Count && i < responses.Count; i++)
        {
            if (_actions[i].ActionType != TableTransactionActionType.Delete && responses[i]?.Headers.ETag is { } etag)
            {
                _actions[i].Entity.ETag = etag;
            }
        }
    }

    private EntityGroup Append(TableTransactionActionType type, ITableEntity entity, ETag etag)
    {
        if (entity.PartitionKey != partitionKey)
        {
            throw new InvalidOperationException(
                $"An entity-group transaction touches one partition: '{entity.PartitionKey}' is not '{partitionKey}'.");
        }
        if (_actions.Count == MaxEntities)
        {
            throw new InvalidOperationException($"An entity-group transaction holds at most {MaxEntities} entities.");
        }
        _actions.Add(new TableTransactionAction(type, entity, etag));
        return this;
    }
}
