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

/// <summary>Points a username at its user id (same partition as the user row).</summary>
public sealed class UsernameIndexEntity : TableRow
{
    public UsernameIndexEntity()
    {
        PartitionKey = UserEntity.Partition;
    }

    public string UserId { get; set; } = "";
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
