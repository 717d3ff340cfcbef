using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
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

    /// <summary>Adds the user and its username index in one transaction; a taken username is a 409.</summary>
    public async Task AddUserAsync(UserEntity user, CancellationToken cancellationToken)
    {
        user.PartitionKey = UserEntity.Partition;
        user.RowKey = UserEntity.IdKey(user.UserId);
        var index = new UsernameIndexEntity { RowKey = UserEntity.NameKey(user.Username), UserId = user.UserId };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, user),
            new(TableTransactionActionType.Add, index),
        };
        if (user.CounterpartyId is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, CounterpartyMemberEntity.From(user)));
        }
        try
        {
            await _users.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            throw Problems.Conflict($"The username '{user.Username}' is taken.");
        }
    }

    /// <summary>Replaces the user row if nobody changed it since it was read (412 otherwise), keeping its member row in step.</summary>
    public async Task UpdateUserAsync(UserEntity user, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, user, user.ETag) };
        if (user.CounterpartyId is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, CounterpartyMemberEntity.From(user)));
        }
        try
        {
            var response = await _users.SubmitTransactionAsync(actions, cancellationToken);
            user.ETag = response.Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw Problems.PreconditionFailed();
        }
    }

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

    public async Task UpsertCounterpartyAsync(CounterpartyEntity counterparty, CancellationToken cancellationToken) =>
        await _counterparties.UpsertEntityAsync(counterparty, TableUpdateMode.Replace, cancellationToken);

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

    public async Task UpsertAccessGroupAsync(AccessGroupEntity group, CancellationToken cancellationToken) =>
        await _groups.UpsertEntityAsync(group, TableUpdateMode.Replace, cancellationToken);
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
