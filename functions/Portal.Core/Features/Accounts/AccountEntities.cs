using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Accounts;

// Table entities of the Accounts feature. Company-wide reference data (settings, counterparties, access groups,
// users) is small and read through short-lived caches; sessions are point reads by (user, session id).

public sealed class SettingsEntity : TableRow
{
    public const string Key = "portal";

    public SettingsEntity()
    {
        PartitionKey = Key;
        RowKey = Key;
    }

    /// <summary>The seed's "Allow external user access" switch for the whole portal.</summary>
    public bool ExternalAccessEnabled { get; set; } = true;
    public string CompanyName { get; set; } = "";
    public string Currency { get; set; } = "EUR";
}

public sealed class CounterpartyEntity : TableRow
{
    public const string Partition = "counterparty";

    public CounterpartyEntity()
    {
        PartitionKey = Partition;
    }

    public string Name { get; set; } = "";
    public string? TaxId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>The company's own code for this customer (ERP key), unique.</summary>
    public string? Code { get; set; }
    /// <summary>The supplier's account manager for this customer, whom its buyers may call; none when empty.</summary>
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public string? ManagerPhone { get; set; }
}

/// <summary>How customers reach the supplier (RowKey "contacts" beside the settings row), shown on their Account page.</summary>
public sealed class SupplierContactsEntity : TableRow
{
    public const string Key = "contacts";

    public SupplierContactsEntity()
    {
        PartitionKey = SettingsEntity.Key;
        RowKey = Key;
    }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Hours { get; set; }
}

public sealed class AccessGroupEntity : TableRow
{
    public const string Partition = "group";

    public AccessGroupEntity()
    {
        PartitionKey = Partition;
    }

    public string Name { get; set; } = "";
    /// <summary>The seed's access group profile; only "Customer" exists.</summary>
    public string Profile { get; set; } = "Customer";
    /// <summary>Comma-separated product category ids the group may see; empty means all categories.</summary>
    public string AllowedCategories { get; set; } = "";
}

public enum UserKind
{
    Customer,
    Staff,
}

/// <summary>
/// A user row (RowKey "id:{userId}") and, in the same partition, its username index row
/// (RowKey "name:{normalized}") written in one transaction so usernames stay unique.
/// </summary>
public sealed class UserEntity : TableRow
{
    public const string Partition = "user";

    public static string IdKey(string userId) => "id:" + userId;
    public static string NameKey(string username) => "name:" + Normalize(username);
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public UserEntity()
    {
        PartitionKey = Partition;
    }

    public string UserId { get; set; } = "";
    public string Username { get; set; } = "";
    public string Kind { get; set; } = nameof(UserKind.Customer);
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? JobTitle { get; set; }
    public string? CounterpartyId { get; set; }
    public string? AccessGroupId { get; set; }
    public string? PasswordHash { get; set; }
    public bool Disabled { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>Set by staff: this customer user manages its company's colleagues (Account → Colleagues).</summary>
    public bool CompanyAdministrator { get; set; }

    public UserKind UserKind => Enum.Parse<UserKind>(Kind);
}

/// <summary>
/// Points a username at its user id (same partition as the user row), and is the user's row in the staff's user
/// list: it carries what the list shows and filters on, rewritten in the transaction that changes the user, so
/// a page of users with any filter is one range query in username order. Sign-in reads this row anyway, and
/// records the last successful sign-in on it (a merge of one property), so the user row's version (the ETag a
/// staff edit names) does not move when the user signs in.
/// </summary>
public sealed class UsernameIndexEntity : TableRow
{
    public const string Prefix = "name:";

    public UsernameIndexEntity()
    {
        PartitionKey = UserEntity.Partition;
    }

    public string UserId { get; set; } = "";
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>The display name in lower case, and its second and third words, for prefix search.</summary>
    public string? SearchName { get; set; }
    public string? SearchWord2 { get; set; }
    public string? SearchWord3 { get; set; }
    public string? Kind { get; set; }
    /// <summary>"" when the user has none, so "no counterparty / no group" is a filter storage can run.</summary>
    public string? CounterpartyId { get; set; }
    public string? AccessGroupId { get; set; }
    public bool Disabled { get; set; }
    public bool HasPassword { get; set; }
    public bool CompanyAdministrator { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The list row's properties for a user; <see cref="LastSignInAt"/> is left out (it is merged on sign-in only).</summary>
    public static TableEntity SummaryOf(UserEntity user)
    {
        var words = UserEntity.Normalize(user.DisplayName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new TableEntity(UserEntity.Partition, UserEntity.NameKey(user.Username))
        {
            [nameof(UserId)] = user.UserId,
            [nameof(Username)] = user.Username,
            [nameof(DisplayName)] = user.DisplayName,
            [nameof(SearchName)] = string.Join(' ', words),
            [nameof(SearchWord2)] = words.Length > 1 ? words[1] : "",
            [nameof(SearchWord3)] = words.Length > 2 ? words[2] : "",
            [nameof(Kind)] = user.Kind,
            [nameof(CounterpartyId)] = user.CounterpartyId ?? "",
            [nameof(AccessGroupId)] = user.AccessGroupId ?? "",
            [nameof(Disabled)] = user.Disabled,
            [nameof(HasPassword)] = user.PasswordHash is not null,
            [nameof(CompanyAdministrator)] = user.CompanyAdministrator,
        };
    }
}

/// <summary>
/// How many users an access group has (RowKey "gcount:{groupId}" in the user partition), changed in the same
/// transaction as the user row, ETag-guarded, so the group list reads every count in one range query.
/// </summary>
public sealed class GroupCountEntity : TableRow
{
    public const string Prefix = "gcount:";

    public static string Key(string groupId) => Prefix + groupId;

    public GroupCountEntity()
    {
        PartitionKey = UserEntity.Partition;
    }

    public string GroupId { get; set; } = "";
    public int Users { get; set; }
}

/// <summary>One signed-in browser. Partitioned by user so all of a user's sessions can be revoked together.</summary>
public sealed class SessionEntity : TableRow
{

    public string Username { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? CounterpartyId { get; set; }
    public string? AccessGroupId { get; set; }
    public string CsrfToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

public static class AccountsTables
{
    public const string Settings = "Settings";
    public const string Counterparties = "Counterparties";
    public const string AccessGroups = "AccessGroups";
    public const string Users = "Users";
    public const string Sessions = "Sessions";
    /// <summary>ID tokens already exchanged for a session (replay refusal), until they expire.</summary>
    public const string UsedTokens = "UsedTokens";
}
