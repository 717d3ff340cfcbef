using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Accounts;

/// <summary>Users, counterparties and access groups: the tables of the Accounts feature.</summary>
public sealed partial class AccountStore(TableServiceClient tables)
{
    private readonly TableClient _users = tables.GetTableClient(AccountsTables.Users);
    private readonly TableClient _counterparties = tables.GetTableClient(AccountsTables.Counterparties);
    private readonly TableClient _groups = tables.GetTableClient(AccountsTables.AccessGroups);

    public async Task<UserEntity?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var index = await _users.GetEntityIfExistsAsync<UsernameIndexEntity>(UserEntity.Partition, UserEntity.NameKey(username), cancellationToken: cancellationToken);
        return index.HasValue ? await GetUserAsync(index.Value!.UserId, cancellationToken) : null;
    }

    public async Task<UserEntity?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await _users.GetEntityIfExistsAsync<UserEntity>(UserEntity.Partition, UserEntity.IdKey(userId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Adds the user, its username (list) row, its member row and its group's count in one transaction; a taken
    /// username is a 409.
    /// </summary>
    public async Task AddUserAsync(UserEntity user, CancellationToken cancellationToken)
    {
        user.PartitionKey = UserEntity.Partition;
        user.RowKey = UserEntity.IdKey(user.UserId);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, user),
            new(TableTransactionActionType.Add, UsernameIndexEntity.SummaryOf(user)),
        };
        if (user.CounterpartyId is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, CounterpartyMemberEntity.From(user)));
        }
        try
        {
            await SubmitWithGroupCountsAsync(actions, GroupChange(null, user.AccessGroupId), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            throw Problems.Conflict($"The username '{user.Username}' is taken.");
        }
    }

    /// <summary>
    /// Adds a user as <see cref="AddUserAsync"/> does, once per Idempotency-Key of <paramref name="actorUserId"/>: the key
    /// row is part of the same transaction. When another create moved the group's count first (412 on the count row),
    /// the whole create is tried again, which looks for the key first.
    /// </summary>
    public Task<(UserEntity User, bool Created)> AddUserOnceAsync(string actorUserId, string idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<UserEntity>> build, Func<string, CancellationToken, Task<UserEntity>> replay, CancellationToken cancellationToken) =>
        AddUserOnceAsync<UserEntity>(actorUserId, idempotencyKey, fingerprint, async ct =>
        {
            var user = await build(ct);
            return (user, null, user);
        }, replay, cancellationToken);

    /// <summary>
    /// The one way a new user is written once per Idempotency-Key (a clerk's create, a customer administrator's
    /// invite): the user, its list and member rows, its audit row if any and its group's count in one transaction.
    /// A count another create moved meanwhile is read again; a 409 is looked at once more, because it may be this
    /// key's own first request committed after this one looked for the key (then it replays).
    /// </summary>
    public async Task<(TResult Result, bool Created)> AddUserOnceAsync<TResult>(string actorUserId, string? idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(UserEntity User, AccountAuditEntity? Audit, TResult Result)>> build, Func<string, CancellationToken, Task<TResult>> replay,
        CancellationToken cancellationToken)
    {
        var request = fingerprint.ToList();
        var lookedAgain = false;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Idempotency.CreateOnceAsync(_users, UserEntity.Partition, actorUserId, idempotencyKey, request, async ct =>
                {
                    var (user, audit, result) = await build(ct);
                    user.PartitionKey = UserEntity.Partition;
                    user.RowKey = UserEntity.IdKey(user.UserId);
                    var change = new EntityGroup(UserEntity.Partition)
                        .Add(user)
                        .Add(UsernameIndexEntity.SummaryOf(user));
                    if (user.CounterpartyId is not null)
                    {
                        change.Add(CounterpartyMemberEntity.From(user));
                    }
                    if (audit is not null)
                    {
                        change.Add(audit);
                    }
                    // The count row is made to exist before it is counted on, so a create that raced another fails on
                    // the count as 412 (retried below), never as a 409 that would read as a taken key or username.
                    await CountNewMemberAsync(change, user.AccessGroupId, ct, replaceOnly: true);
                    return (change, user.UserId, result);
                }, replay, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);
            }
            catch (PortalProblemException ex) when (ex.Status == 409 && !lookedAgain)
            {
                lookedAgain = true;
            }
        }
    }

    private async Task EnsureGroupCountAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            await _users.AddEntityAsync(new GroupCountEntity { RowKey = GroupCountEntity.Key(groupId), GroupId = groupId, Users = 0 }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Counted before: the usual case after the group's first user.
        }
    }

    /// <summary>
    /// Replaces the user row if nobody changed it since it was read (412 otherwise), keeping its list row, member
    /// row and the group counts in step in the same transaction.
    /// </summary>
    public Task UpdateUserAsync(UserEntity user, CancellationToken cancellationToken) => UpdateUserAsync(user, user.AccessGroupId, cancellationToken);

    /// <inheritdoc cref="UpdateUserAsync(UserEntity, CancellationToken)"/>
    /// <param name="audit">The audit row of the change (who, when, what), written in the same transaction.</param>
    public async Task UpdateUserAsync(UserEntity user, string? previousGroupId, CancellationToken cancellationToken, AccountAuditEntity? audit = null)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, user, user.ETag),
            // Merge, so the last sign-in recorded on this row stays.
            new(TableTransactionActionType.UpsertMerge, UsernameIndexEntity.SummaryOf(user)),
        };
        if (user.CounterpartyId is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CounterpartyMemberEntity.From(user)));
        }
        if (audit is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, audit));
        }
        try
        {
            var response = await SubmitWithGroupCountsAsync(actions, GroupChange(previousGroupId, user.AccessGroupId), cancellationToken);
            user.ETag = response[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw Problems.PreconditionFailed();
        }
    }

    /// <summary>Records a successful sign-in on the username row the sign-in read (one merge; the user row's ETag stays).</summary>
    public async Task RecordSignInAsync(string username, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableEntity(UserEntity.Partition, UserEntity.NameKey(username)) { [nameof(UsernameIndexEntity.LastSignInAt)] = at };
        await _users.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Written once a backfill has passed every username row (the start-up run looks for it first).</summary>
    private const string SummariesBackfilledKey = "mark:summaries-backfilled";

    /// <summary>
    /// One bounded step of the summary backfill: one page (at most 100) of username rows in username order; each row
    /// without the list properties (written before they existed) gets them from its user row, merged with the ETag it
    /// was read with (a 412 means a change wrote them meanwhile; the last sign-in stays). Returns how many rows were
    /// read and rewritten, and where the next step starts (null after the last page, when the marker is written).
    /// </summary>
    public async Task<(int Examined, int Updated, string? Continuation)> BackfillSummariesAsync(string? continuation, CancellationToken cancellationToken)
    {
        var page = await PagedQuery.ReadAsync<UsernameIndexEntity, UsernameIndexEntity>(_users,
            PagedQuery.Range(UserEntity.Partition, UsernameIndexEntity.Prefix, PrefixEnd(UsernameIndexEntity.Prefix)), continuation, PagedQuery.MaxPageSize,
            row => row, cancellationToken);
        var updated = 0;
        foreach (var row in page.Items.Where(r => r.Kind is null || r.Username is null))
        {
            if (await GetUserAsync(row.UserId, cancellationToken) is not { } user)
            {
                continue;
            }
            try
            {
                await _users.UpdateEntityAsync(UsernameIndexEntity.SummaryOf(user), row.ETag, TableUpdateMode.Merge, cancellationToken);
                updated++;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Changed or removed since the page was read: that change wrote its own list properties.
            }
        }
        if (page.Continuation is null)
        {
            await _users.UpsertEntityAsync(new TableEntity(UserEntity.Partition, SummariesBackfilledKey), TableUpdateMode.Replace, cancellationToken);
        }
        return (page.Items.Count, updated, page.Continuation);
    }

    public async Task<bool> AreSummariesBackfilledAsync(CancellationToken cancellationToken) =>
        (await _users.GetEntityIfExistsAsync<TableEntity>(UserEntity.Partition, SummariesBackfilledKey, cancellationToken: cancellationToken)).HasValue;

    /// <summary>The list row of a user (last sign-in).</summary>
    public async Task<UsernameIndexEntity?> GetListRowAsync(string username, CancellationToken cancellationToken)
    {
        var response = await _users.GetEntityIfExistsAsync<UsernameIndexEntity>(UserEntity.Partition, UserEntity.NameKey(username), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>One page of the staff's user list in username order: one range query with the filters run by storage.</summary>
    public Task<ListPage<TView>> ListUserRowsAsync<TView>(UserListFilter filter, string? continuation, int? pageSize,
        Func<UsernameIndexEntity, TView> toView, CancellationToken cancellationToken)
    {
        var lower = UsernameIndexEntity.Prefix;
        var upper = PrefixEnd(UsernameIndexEntity.Prefix);
        var conditions = new List<string> { PagedQuery.Range(UserEntity.Partition, lower, upper) };
        if (filter.Search is { } search)
        {
            var end = PrefixEnd(search);
            conditions.Add(TableClient.CreateQueryFilter(
                $"((RowKey ge {lower + search} and RowKey lt {lower + end}) or (SearchName ge {search} and SearchName lt {end}) or (SearchWord2 ge {search} and SearchWord2 lt {end}) or (SearchWord3 ge {search} and SearchWord3 lt {end}))"));
        }
        if (filter.CounterpartyId is { } counterpartyId)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CounterpartyId eq {counterpartyId}"));
        }
        if (filter.AccessGroupId is { } groupId)
        {
            conditions.Add(TableClient.CreateQueryFilter($"AccessGroupId eq {groupId}"));
        }
        if (filter.Kind is { } kind)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Kind eq {kind.ToString()}"));
        }
        if (filter.Disabled is { } disabled)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Disabled eq {disabled}"));
        }
        if (filter.HasPassword is { } hasPassword)
        {
            conditions.Add(TableClient.CreateQueryFilter($"HasPassword eq {hasPassword}"));
        }
        return PagedQuery.ReadAsync(_users, string.Join(" and ", conditions), continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>Every access group's user count: one range query over the count rows.</summary>
    public async Task<Dictionary<string, int>> ListGroupCountsAsync(CancellationToken cancellationToken)
    {
        var rows = await _users.QueryAsync<GroupCountEntity>(PagedQuery.Range(UserEntity.Partition, GroupCountEntity.Prefix, PrefixEnd(GroupCountEntity.Prefix)),
            cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.GroupId, r => r.Users, StringComparer.Ordinal);
    }

    private static Dictionary<string, int> GroupChange(string? from, string? to)
    {
        var change = new Dictionary<string, int>(StringComparer.Ordinal);
        if (from == to)
        {
            return change;
        }
        if (from is not null)
        {
            change[from] = -1;
        }
        if (to is not null)
        {
            change[to] = +1;
        }
        return change;
    }

    /// <summary>
    /// Submits the user's rows with the count rows of the groups it leaves and joins. Each count row is replaced
    /// with the ETag it was read with; when another change moved a count first, the counts are read again and the
    /// whole transaction is tried again (the user's own rows are guarded by their own conditions).
    /// </summary>
    /// <summary>
    /// Adds one user to a group's count inside <paramref name="change"/> (a transaction in the users partition that
    /// creates the user): the count row is replaced at the version read, so a concurrent change fails the whole
    /// transaction rather than miscounting.
    /// </summary>
    /// <param name="replaceOnly">Create a missing count row (0) first and replace it, rather than adding it in the transaction.</param>
    public async Task CountNewMemberAsync(EntityGroup change, string? groupId, CancellationToken cancellationToken, bool replaceOnly = false)
    {
        if (groupId is null)
        {
            return;
        }
        var read = await _users.GetEntityIfExistsAsync<GroupCountEntity>(UserEntity.Partition, GroupCountEntity.Key(groupId), cancellationToken: cancellationToken);
        if (!read.HasValue && replaceOnly)
        {
            await EnsureGroupCountAsync(groupId, cancellationToken);
            read = await _users.GetEntityIfExistsAsync<GroupCountEntity>(UserEntity.Partition, GroupCountEntity.Key(groupId), cancellationToken: cancellationToken);
        }
        if (read.HasValue)
        {
            read.Value!.Users++;
            change.Replace(read.Value);
        }
        else
        {
            change.Add(new GroupCountEntity { RowKey = GroupCountEntity.Key(groupId), GroupId = groupId, Users = 1 });
        }
    }

    private async Task<IReadOnlyList<Response>> SubmitWithGroupCountsAsync(List<TableTransactionAction> userActions, Dictionary<string, int> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var actions = new List<TableTransactionAction>(userActions);
            foreach (var (groupId, delta) in change)
            {
                var read = await _users.GetEntityIfExistsAsync<GroupCountEntity>(UserEntity.Partition, GroupCountEntity.Key(groupId), cancellationToken: cancellationToken);
                if (read.HasValue)
                {
                    var count = read.Value!;
                    count.Users = Math.Max(0, count.Users + delta);
                    actions.Add(new(TableTransactionActionType.UpdateReplace, count, count.ETag));
                }
                else
                {
                    actions.Add(new(TableTransactionActionType.Add,
                        new GroupCountEntity { RowKey = GroupCountEntity.Key(groupId), GroupId = groupId, Users = Math.Max(0, delta) }));
                }
            }
            try
            {
                return (await _users.SubmitTransactionAsync(actions, cancellationToken)).Value;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex >= userActions.Count && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);
            }
        }
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/>.</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The users of one counterparty: a single-partition range query over the member rows.</summary>
    public async Task<List<CounterpartyMemberEntity>> ListMembersAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        var prefix = CounterpartyMemberEntity.Prefix(counterpartyId);
        return await _users.QueryAsync<CounterpartyMemberEntity>(
            e => e.PartitionKey == UserEntity.Partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0,
            cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    public async Task<CounterpartyMemberEntity?> GetMemberAsync(string counterpartyId, string userId, CancellationToken cancellationToken)
    {
        var response = await _users.GetEntityIfExistsAsync<CounterpartyMemberEntity>(UserEntity.Partition, CounterpartyMemberEntity.Key(counterpartyId, userId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<List<UserEntity>> ListUsersAsync(CancellationToken cancellationToken)
    {
        return await _users.QueryAsync<UserEntity>(
            e => e.PartitionKey == UserEntity.Partition && e.RowKey.CompareTo("id:") >= 0 && e.RowKey.CompareTo("id;") < 0,
            cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    public async Task<CounterpartyEntity?> GetCounterpartyAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _counterparties.GetEntityIfExistsAsync<CounterpartyEntity>(CounterpartyEntity.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<List<CounterpartyEntity>> ListCounterpartiesAsync(CancellationToken cancellationToken)
    {
        return await _counterparties.QueryAsync<CounterpartyEntity>(e => e.PartitionKey == CounterpartyEntity.Partition, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
    }

    public Task UpsertCounterpartyAsync(CounterpartyEntity counterparty, WriteCondition condition, CancellationToken cancellationToken) =>
        _counterparties.WriteAsync(counterparty, condition, $"A counterparty with the id '{counterparty.RowKey}' exists already.", cancellationToken);

    public async Task<AccessGroupEntity?> GetAccessGroupAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _groups.GetEntityIfExistsAsync<AccessGroupEntity>(AccessGroupEntity.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<List<AccessGroupEntity>> ListAccessGroupsAsync(CancellationToken cancellationToken)
    {
        return await _groups.QueryAsync<AccessGroupEntity>(e => e.PartitionKey == AccessGroupEntity.Partition, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
    }

    public Task UpsertAccessGroupAsync(AccessGroupEntity group, WriteCondition condition, CancellationToken cancellationToken) =>
        _groups.WriteAsync(group, condition, $"An access group with the id '{group.RowKey}' exists already.", cancellationToken);
}

/// <summary>
/// A counterparty's user as its colleagues see it (RowKey "cp:{counterpartyId}:{userId}" in the user partition),
/// written with the user row so listing a counterparty's users is one range query.
/// </summary>
public sealed class CounterpartyMemberEntity : TableRow
{
    public static string Prefix(string counterpartyId) => $"cp:{counterpartyId}:";
    public static string Key(string counterpartyId, string userId) => Prefix(counterpartyId) + userId;

    public CounterpartyMemberEntity()
    {
        PartitionKey = UserEntity.Partition;
    }

    public string UserId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Disabled { get; set; }
    // What the company's administrator sees of a colleague (Colleagues page); null on rows written before it existed.
    public string? Username { get; set; }
    public string? AccessGroupId { get; set; }
    public bool HasPassword { get; set; }
    public bool CompanyAdministrator { get; set; }

    public static CounterpartyMemberEntity From(UserEntity user) => new()
    {
        Username = user.Username,
        AccessGroupId = user.AccessGroupId,
        HasPassword = user.PasswordHash is not null,
        CompanyAdministrator = user.CompanyAdministrator,
        RowKey = Key(user.CounterpartyId!, user.UserId),
        UserId = user.UserId,
        DisplayName = user.DisplayName,
        JobTitle = user.JobTitle,
        Email = user.Email,
        Phone = user.Phone,
        Disabled = user.Disabled,
    };
}
