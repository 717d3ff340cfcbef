using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared.Http;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// One page of a single-partition range query — the newest-first lists of orders and documents — with the storage
/// continuation wrapped into the API's opaque token. A page costs one storage request.
/// </summary>
public static class PagedQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static int PageSize(int? requested)
    {
        var size = requested ?? DefaultPageSize;
        return size is >= 1 and <= MaxPageSize ? size : throw Problems.Validation("pageSize", $"Use 1 to {MaxPageSize}.");
    }

    public static async Task<ListPage<TView>> ReadAsync<TEntity, TView>(TableClient table, string filter, string? continuation, int? pageSize,
        Func<TEntity, TView> toView, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        var size = PageSize(pageSize);
        var token = ContinuationToken.Unwrap(continuation);
        try
        {
            await foreach (var page in table.QueryAsync<TEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages(token, size))
            {
                return new ListPage<TView>(page.Values.Select(toView).ToList(), ContinuationToken.Wrap(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && token is not null)
        {
            throw Problems.Validation("continuation", "This continuation token is not valid; start again from the first page.");
        }
        return new ListPage<TView>([], null);
    }

    /// <summary>The filter for one partition's rows whose RowKey lies in [lower, upper).</summary>
    public static string Range(string partitionKey, string lower, string upper) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {lower} and RowKey lt {upper}");
}
