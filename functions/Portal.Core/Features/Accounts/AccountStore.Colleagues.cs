using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Accounts;

// Customer administrators: the audit of account changes (rows in the users partition, so a change and its audit row
// are one entity-group transaction) and the access groups staff allow per counterparty.
public sealed partial class AccountStore
{
    private TableClient Users => tables.GetTableClient(AccountsTables.Users);
    private TableClient Groups => tables.GetTableClient(AccountsTables.AccessGroups);

    /// <summary>Adds a colleague (user, username index, member row, audit row) once per Idempotency-Key.</summary>
    public Task<(TResult Result, bool Created)> AddColleagueOnceAsync<TResult>(string actorUserId, string? idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(UserEntity User, AccountAuditEntity Audit, TResult Result)>> create,
        Func<string, CancellationToken, Task<TResult>> replay, CancellationToken cancellationToken) =>
        AddUserOnceAsync<TResult>(actorUserId, idempotencyKey, fingerprint, async ct =>
        {
            var (user, audit, result) = await create(ct);
            return (user, audit, result);
        }, replay, cancellationToken);

    /// <summary>Replaces the user (ETag: 412 if changed) with its list row, member row and group counts, and adds the audit row, in one transaction.</summary>
    public Task UpdateUserAuditedAsync(UserEntity user, string? previousGroupId, AccountAuditEntity audit, CancellationToken cancellationToken) =>
        UpdateUserAsync(user, previousGroupId, cancellationToken, audit);

    public Task AddAuditAsync(AccountAuditEntity audit, CancellationToken cancellationToken) =>
        Users.AddEntityAsync(audit, cancellationToken);

    /// <summary>A counterparty's audit, newest first: one range query per page.</summary>
    public Task<ListPage<AuditEntryView>> ListAuditAsync(string counterpartyId, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var prefix = AccountAuditEntity.Prefix(counterpartyId);
        return PagedQuery.ReadAsync<AccountAuditEntity, AuditEntryView>(Users, PagedQuery.Range(UserEntity.Partition, prefix, prefix + "~"), continuation, pageSize,
            a => new AuditEntryView(a.At, a.ActorUserId, a.ActorUsername, a.ActorKind, a.TargetUserId, a.TargetUsername, a.Action, a.Detail), cancellationToken);
    }

    /// <summary>The access groups staff allow a counterparty's administrator to hand out (empty when none).</summary>
    public async Task<(IReadOnlyList<string> GroupIds, ETag ETag)> GetAllowedGroupsAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        var row = await Groups.GetEntityIfExistsAsync<AllowedGroupsEntity>(AllowedGroupsEntity.Partition, counterpartyId, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GroupIds.Split(',', StringSplitOptions.RemoveEmptyEntries), row.Value.ETag) : ([], default);
    }

    public Task SetAllowedGroupsAsync(string counterpartyId, IEnumerable<string> groupIds, CancellationToken cancellationToken) =>
        Groups.UpsertEntityAsync(new AllowedGroupsEntity { RowKey = counterpartyId, GroupIds = string.Join(',', groupIds) }, TableUpdateMode.Replace, cancellationToken);
}

/// <summary>
/// One change to a customer account made by the company's administrator or by staff: who, when, what.
/// RowKey "audit:{counterpartyId}:{newest first}-{random}" in the users partition.
/// </summary>
public sealed class AccountAuditEntity : TableRow
{
    public static string Prefix(string counterpartyId) => $"audit:{counterpartyId}:";

    public AccountAuditEntity()
    {
        PartitionKey = UserEntity.Partition;
    }

    public static AccountAuditEntity Of(string counterpartyId, DateTimeOffset at, string actorUserId, string actorUsername, string actorKind,
        string? targetUserId, string? targetUsername, string action, string? detail) => new()
    {
        RowKey = Prefix(counterpartyId) + TableKeys.NewestFirst(at) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)),
        At = at, ActorUserId = actorUserId, ActorUsername = actorUsername, ActorKind = actorKind,
        TargetUserId = targetUserId, TargetUsername = targetUsername, Action = action, Detail = detail,
    };

    public DateTimeOffset At { get; set; }
    public string ActorUserId { get; set; } = "";
    public string ActorUsername { get; set; } = "";
    public string ActorKind { get; set; } = "";
    public string? TargetUserId { get; set; }
    public string? TargetUsername { get; set; }
    public string Action { get; set; } = "";
    public string? Detail { get; set; }
}

/// <summary>The access groups a counterparty's administrator may put colleagues in (RowKey = counterparty id).</summary>
public sealed class AllowedGroupsEntity : TableRow
{
    public const string Partition = "allowed";

    public AllowedGroupsEntity()
    {
        PartitionKey = Partition;
    }

    /// <summary>Comma-separated access group ids.</summary>
    public string GroupIds { get; set; } = "";
}
