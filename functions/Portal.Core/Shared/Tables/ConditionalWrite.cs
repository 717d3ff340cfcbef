using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// The one way a row keyed by the caller's own id (a counterparty, an access group, a category…) is written as the
/// request's <see cref="WriteCondition"/> says: create only (409 when the id is taken), replace the version read only
/// (412 when it changed or is gone), or upsert (the ERP's idempotent way).
/// </summary>
public static class ConditionalWrite
{
    /// <summary>Writes <paramref name="row"/>, sets its new ETag and returns it. <paramref name="taken"/> is the 409's message.</summary>
    public static async Task<ETag> WriteAsync(this TableClient table, TableRow row, WriteCondition condition, string taken, CancellationToken cancellationToken)
    {
        if (condition.CreateOnly || condition.IfMatch is not null)
        {
            // A refusal writes nothing: look first, so a taken id or a stale version is answered by a read. The
            // conditional write below still catches a change that lands between the two.
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, select: ["PartitionKey"], cancellationToken: cancellationToken);
            if (condition.CreateOnly && existing.HasValue)
            {
                throw Problems.Conflict(taken);
            }
            if (condition.IfMatch is { } expected && (!existing.HasValue || existing.Value!.ETag != new ETag(expected)))
            {
                throw Problems.PreconditionFailed();
            }
        }
        try
        {
            var response = condition switch
            {
                { CreateOnly: true } => await table.AddEntityAsync(row, cancellationToken),
                { IfMatch: { } etag } => await table.UpdateEntityAsync(row, new ETag(etag), TableUpdateMode.Replace, cancellationToken),
                _ => await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken),
            };
            row.ETag = response.Headers.ETag ?? default;
            return row.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && condition.CreateOnly)
        {
            throw Problems.Conflict(taken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404 && condition.IfMatch is not null)
        {
            throw Problems.PreconditionFailed();
        }
    }
}
