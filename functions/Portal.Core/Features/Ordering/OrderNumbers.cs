using Azure;
using Azure.Data.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// Human-readable order numbers (SO-000123) from one counter row updated with optimistic concurrency:
/// two checkouts that race re-read and try again, so no number is given twice.
/// </summary>
public sealed class OrderNumbers(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(OrderingKeys.Table);

    public static string Format(long value) => $"SO-{value:D6}";

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public async Task<long> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await _table.GetEntityIfExistsAsync<CounterEntity>(OrderingKeys.CounterPartition, OrderingKeys.OrderCounter, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await _table.AddEntityAsync(new CounterEntity { RowKey = OrderingKeys.OrderCounter, Value = count }, cancellationToken);
                    return 1;
                }
                var counter = current.Value!;
                var first = counter.Value + 1;
                counter.Value += count;
                await _table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                return first;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another checkout took numbers in the meantime; back off a little and read again.
                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken);
            }
        }
        throw new InvalidOperationException("Could not reserve order numbers: the counter stayed contended.");
    }
}
