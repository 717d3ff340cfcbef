using Azure;
using Azure.Data.Tables;

namespace Portal.Core.Shared.Tables;

/// <summary>The four properties every table entity has; entities add their own.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

public static class TableQueries
{
    /// <summary>Reads every page of a query (callers keep queries to one partition, so this stays bounded).</summary>
    public static async Task<List<T>> ToListAsync<T>(this AsyncPageable<T> query, CancellationToken cancellationToken = default) where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in query.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }
        return list;
    }
}
