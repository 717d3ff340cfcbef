using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Shared.Http;

/// <summary>
/// Idempotent create with an <c>Idempotency-Key</c> header (the IETF draft, as Stripe does it): the same key with the
/// same request answers with what the first request created; the same key with a different request is a 422; a key
/// whose first request is still being recorded is a 409. The key row is written in the same entity-group
/// transaction as the thing it creates, so there is never a key without its resource or the reverse.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>The request's Idempotency-Key, or null when it sent none; a key that cannot be one is a 400.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return null;
        }
        return key.Length <= 100 && key.All(c => c is >= ' ' and <= '~')
            ? key
            : throw Problems.Validation(Header, "Use 1 to 100 printable ASCII characters.");
    }

    /// <summary>
    /// Creates once per key. <paramref name="create"/> validates, builds the change as an <see cref="EntityGroup"/> in
    /// <paramref name="scope"/>'s partition and names the created resource; <paramref name="replay"/> answers for an
    /// existing one. <paramref name="fingerprint"/> is what makes two requests "the same request".
    /// </summary>
    public static Task<(TResult Result, bool Created)> CreateOnceAsync<TResult>(
        TableClient table, CounterpartyScope scope, string userId, string? key, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(EntityGroup Change, string ResourceId, TResult Result)>> create,
        Func<string, CancellationToken, Task<TResult>> replay,
        CancellationToken cancellationToken) =>
        CreateOnceAsync(table, scope.CounterpartyId, userId, key, fingerprint, create, replay, cancellationToken);

    /// <summary>
    /// The same, for a resource that lives in a company-wide partition rather than a counterparty's (a user the
    /// customer's administrator invites lives in the users partition): the key row goes into that partition.
    /// </summary>
    public static async Task<(TResult Result, bool Created)> CreateOnceAsync<TResult>(
        TableClient table, string partitionKey, string userId, string? key, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(EntityGroup Change, string ResourceId, TResult Result)>> create,
        Func<string, CancellationToken, Task<TResult>> replay,
        CancellationToken cancellationToken)
    {
        if (key is null)
        {
            var (change, _, result) = await create(cancellationToken);
            await change.SubmitAsync(table, cancellationToken);
            return (result, true);
        }

        var row = new IdempotencyKeyEntity
        {
            PartitionKey = partitionKey,
            // Hashed, so that any printable key is a valid RowKey ('/', '#' and '?' are not) and keys of any length fit.
            RowKey = $"idem:{userId}:{Hash([key])}",
            RequestHash = Hash(fingerprint),
        };
        if (await FindAsync(table, row, cancellationToken) is { } existing)
        {
            return (await replay(existing, cancellationToken), false);
        }
        var (group, resourceId, created) = await create(cancellationToken);
        row.ResourceId = resourceId;
        group.Add(row);
        try
        {
            await group.SubmitAsync(table, cancellationToken);
            return (created, true);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The same key won a race a moment ago: answer as for that request.
            var winner = await FindAsync(table, row, cancellationToken) ?? throw Problems.Conflict("Try again.");
            return (await replay(winner, cancellationToken), false);
        }
    }

    private static async Task<string?> FindAsync(TableClient table, IdempotencyKeyEntity row, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<IdempotencyKeyEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }
        return found.Value!.RequestHash == row.RequestHash
            ? found.Value.ResourceId
            : throw new PortalProblemException(422, Problems.TypeBase + "idempotency-key-reused", "This Idempotency-Key was used for a different request.",
                "Use a new key for a new request.");
    }

    private static string Hash(IEnumerable<string?> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p ?? "\0")))))[..40];
}

/// <summary>Remembers an Idempotency-Key: which resource it created and a hash of the request it came with.</summary>
public sealed class IdempotencyKeyEntity : TableRow
{
    public string ResourceId { get; set; } = "";
    public string RequestHash { get; set; } = "";
}
