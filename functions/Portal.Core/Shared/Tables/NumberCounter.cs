using Azure;
using Azure.Data.Tables;

namespace Portal.Core.Shared.Tables;

/// <summary>A counter row: the last number handed out.</summary>
public sealed class CounterRow : TableRow
{
    public long Value { get; set; }
}

/// <summary>
/// Human numbers (SO-000123, RMA-000045, SR-000007) from one counter row per kind, updated with ETag optimistic
/// concurrency: unique and increasing, with gaps only when a reservation is not used (a crash after reserving).
/// Concurrent reservations retry with a short random back-off rather than taking a lock.
/// </summary>
public static class NumberCounter
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public static async Task<long> ReserveAsync(TableClient table, string partitionKey, string rowKey, int count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<CounterRow>(partitionKey, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(new CounterRow { PartitionKey = partitionKey, RowKey = rowKey, Value = count }, cancellationToken);
                    return 1;
                }
                var counter = current.Value!;
                var first = counter.Value + 1;
                counter.Value += count;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                return first;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone else took a number in the meantime: back off a little and read again.
                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken);
            }
        }
        throw new InvalidOperationException($"Could not reserve a number from {partitionKey}/{rowKey}: the counter stayed contended.");
    }
}
