using System.Text.Json.Serialization;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

public sealed class SignInRequest : IValidatable
{
    [JsonRequired] public string Username { get; set; } = "";
    [JsonRequired] public string Password { get; set; } = "";

    public void Validate(ValidationErrors errors)
    {
        errors.Required("username", Username, 100);
        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "Enter your password.");
        }
        else if (Password.Length > 1024)
        {
            errors.Add("password", "Use at most 1024 characters.");
        }
    }
}

public sealed class ChangePasswordRequest : IValidatable
{
    [JsonRequired] public string CurrentPassword { get; set; } = "";
    [JsonRequired] public string NewPassword { get; set; } = "";

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            errors.Add("currentPassword", "Enter your current password.");
        }
        if (string.IsNullOrEmpty(NewPassword))
        {
            errors.Add("newPassword", "Enter a new password.");
        }
        else if (NewPassword.Length > 1024)
        {
            errors.Add("newPassword", "Use at most 1024 characters.");
        }
    }
}

public sealed class ContactRequest : IValidatable
{
    [JsonRequired] public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? JobTitle { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("displayName", DisplayName, 100);
        errors.Optional("email", Email, 254);
        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email, out _))
        {
            errors.Add("email", "Enter an email address like name@example.com.");
        }
        errors.Optional("phone", Phone, 40);
        errors.Optional("jobTitle", JobTitle, 100);
    }
}

public sealed record UserView(string Id, string Username, string DisplayName, string? Email, string? Phone, string? JobTitle, UserKind Kind);

public sealed record CounterpartyView(string Id, string Name, string? Code, string? TaxId, string? Email, string? Phone, string? Address,
    ManagerView? Manager = null);

/// <summary>The supplier's account manager for a counterparty.</summary>
public sealed record ManagerView(string Name, string? Email, string? Phone);

/// <summary>How to reach the supplier: its name (from the settings) and contact details.</summary>
public sealed record SupplierContactsView(string CompanyName, string? Address, string? Phone, string? Email, string? Hours);

/// <summary>The Account page's contact information: the supplier's contacts and, where the company has one, its manager.</summary>
public sealed record ContactInformationView(SupplierContactsView Supplier, ManagerView? Manager);

/// <summary>The supplier's contacts; a phone number and an e-mail address are the least a customer needs.</summary>
public sealed class SupplierContactsRequest : IValidatable
{
    public string? Address { get; set; }
    [JsonRequired] public string Phone { get; set; } = "";
    [JsonRequired] public string Email { get; set; } = "";
    public string? Hours { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Optional("address", Address, 500, multiline: true);
        errors.Required("phone", Phone, 40);
        errors.Required("email", Email, 254);
        if (!string.IsNullOrWhiteSpace(Email) && !Email.Contains('@'))
        {
            errors.Add("email", "Enter an email address like sales@example.com.");
        }
        errors.Optional("hours", Hours, 200);
    }
}

public sealed record AccessGroupView(string Id, string Name, string Profile, IReadOnlyList<string> AllowedCategories);

/// <summary>Whether the browser has a session, answered 200 either way: the signed-in user when it has one.</summary>
public sealed record SessionView(bool SignedIn, MeView? Me);

public sealed record MeView(UserView User, CounterpartyView? Counterparty, AccessGroupView? AccessGroup, string CompanyName, string Currency, string CsrfToken,
    // True for a customer user whom staff made its company's administrator (it sees Account → Colleagues); else left out.
    bool? CompanyAdministrator);

public sealed record ColleagueView(string Id, string DisplayName, string? JobTitle, string? Email, string? Phone, bool Disabled);

// Company side.

public sealed class SettingsRequest : IValidatable
{
    [JsonRequired] public bool ExternalAccessEnabled { get; set; }
    [JsonRequired] public string CompanyName { get; set; } = "";
    [JsonRequired] public string Currency { get; set; } = "";

    public void Validate(ValidationErrors errors)
    {
        errors.Required("companyName", CompanyName, 200);
        if (Currency is null || Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", "Use a three-letter ISO 4217 code such as EUR.");
        }
    }
}

public sealed record SettingsView(bool ExternalAccessEnabled, string CompanyName, string Currency);

public sealed class CounterpartyRequest : IValidatable
{
    [JsonRequired] public string Name { get; set; } = "";
    public string? Code { get; set; }
    public string? TaxId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>The supplier's account manager for this customer (name, e-mail, phone); leave the name empty for none.</summary>
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public string? ManagerPhone { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name, 200);
        errors.Optional("managerName", ManagerName, 200);
        errors.Optional("managerEmail", ManagerEmail, 254);
        errors.Optional("managerPhone", ManagerPhone, 40);
        errors.Optional("code", Code, 50);
        errors.Optional("taxId", TaxId, 50);
        errors.Optional("email", Email, 254);
        errors.Optional("phone", Phone, 40);
        errors.Optional("address", Address, 500, multiline: true);
    }
}

public sealed class AccessGroupRequest : IValidatable
{
    [JsonRequired] public string Name { get; set; } = "";
    public List<string>? AllowedCategories { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name, 100);
        if (AllowedCategories is { } categories)
        {
            if (categories.Count > 500)
            {
                errors.Add("allowedCategories", "List at most 500 categories.");
            }
            if (categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100 || c.Contains(',')))
            {
                errors.Add("allowedCategories", "Each category id must be 1–100 characters without commas.");
            }
        }
    }
}

/// <summary>
/// One step of the user-list backfill: how many username rows it read, how many got their list properties, and the
/// continuation for the next step (null when every row has been passed).
/// </summary>
public sealed record UserSummaryBackfillView(int Examined, int Updated, string? Continuation);

public sealed class CreateUserRequest : IValidatable
{
    [JsonRequired] public string Username { get; set; } = "";
    [JsonRequired] public string DisplayName { get; set; } = "";
    [JsonRequired] public UserKind Kind { get; set; }
    public string? Password { get; set; }
    public string? CounterpartyId { get; set; }
    public string? AccessGroupId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? JobTitle { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("username", Username, 100);
        if (!string.IsNullOrWhiteSpace(Username) && !Username.Trim().All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors.Add("username", "Use letters, digits and . - _ @ only.");
        }
        errors.Required("displayName", DisplayName, 100);
        errors.Optional("email", Email, 254);
        errors.Optional("phone", Phone, 40);
        errors.Optional("jobTitle", JobTitle, 100);
        if (Kind == UserKind.Customer && string.IsNullOrWhiteSpace(CounterpartyId))
        {
            errors.Add("counterpartyId", "A customer user belongs to a counterparty.");
        }
        if (Kind == UserKind.Staff && (CounterpartyId is not null || AccessGroupId is not null))
        {
            errors.Add("kind", "Staff users have no counterparty or access group.");
        }
        // No password (or an empty one) makes a username-only account, which signs in through the company's directory.
        if (!string.IsNullOrEmpty(Password) && PasswordPolicy.Check(Password, Username ?? "") is { } reason)
        {
            errors.Add("password", reason);
        }
    }
}

public sealed class UpdateUserRequest : IValidatable
{
    [JsonRequired] public string DisplayName { get; set; } = "";
    [JsonRequired] public bool Disabled { get; set; }
    public string? AccessGroupId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? JobTitle { get; set; }
    /// <summary>Sets a new password (the user is signed out everywhere); a username-only user becomes username and password.</summary>
    public string? NewPassword { get; set; }
    /// <summary>Clears the password: the user becomes username-only and is signed out everywhere.</summary>
    public bool RemovePassword { get; set; }
    /// <summary>Makes a customer user its company's administrator (Account → Colleagues) or takes it back; null keeps it.</summary>
    public bool? CompanyAdministrator { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (RemovePassword && !string.IsNullOrEmpty(NewPassword))
        {
            errors.Add("removePassword", "Either set a new password or remove the password, not both.");
        }
        if (NewPassword is { Length: 0 })
        {
            errors.Add("newPassword", "Enter the new password, or leave it out.");
        }
        errors.Required("displayName", DisplayName, 100);
        errors.Optional("email", Email, 254);
        errors.Optional("phone", Phone, 40);
        errors.Optional("jobTitle", JobTitle, 100);
        errors.Optional("accessGroupId", AccessGroupId, 100);
    }
}

/// <summary>How a user signs in: with a username and password, or with the username only (through the company's directory).</summary>
public enum UserCredentials
{
    UsernameAndPassword,
    UsernameOnly,
}

public sealed record ManagedUserView(string Id, string Username, string DisplayName, UserKind Kind, string? CounterpartyId, string? AccessGroupId,
    string? Email, string? Phone, string? JobTitle, bool Disabled, bool HasPassword, DateTimeOffset? LockedUntil,
    UserCredentials Credentials, DateTimeOffset? LastSignInAt,
    // A customer user in no customer access group cannot sign in (CustomerAccessRule): staff see it flagged.
    bool InNoAccessGroup,
    bool CompanyAdministrator);

/// <summary>A user in the staff's list (GET manage/users).</summary>
public sealed record UserSummaryView(string Id, string Username, string DisplayName, UserKind Kind, UserCredentials Credentials,
    string? CounterpartyId, string? AccessGroupId, bool Disabled, DateTimeOffset? LastSignInAt,
    // A customer naming no access group: it cannot sign in (the user's own page also checks the group's profile).
    bool InNoAccessGroup, bool CompanyAdministrator);

/// <summary>
/// The filters of the staff's user list, checked before they reach a query: <see cref="Search"/> is a prefix of the
/// username or of a word of the name (case-insensitive); <see cref="AccessGroupId"/> "" means customers in no group.
/// </summary>
public sealed record UserListFilter(string? Search, string? CounterpartyId, string? AccessGroupId, UserKind? Kind, bool? Disabled, bool? HasPassword)
{
    public const string NoGroup = "none";

    public static UserListFilter From(string? search, string? counterpartyId, string? accessGroupId, UserKind? kind, bool? disabled, UserCredentials? credentials)
    {
        var errors = new ValidationErrors();
        var normalized = search is null ? null : string.Join(' ', UserEntity.Normalize(search).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (normalized is { Length: > 100 } || (normalized is not null && !Shared.Tables.TableKeys.IsSafe(normalized)))
        {
            errors.Add("search", "Use at most 100 characters, without / \\ # ? or control characters.");
        }
        CheckId(errors, "counterpartyId", counterpartyId);
        CheckId(errors, "accessGroupId", accessGroupId);
        errors.ThrowIfAny();
        return new UserListFilter(
            string.IsNullOrEmpty(normalized) ? null : normalized,
            counterpartyId,
            accessGroupId == NoGroup ? "" : accessGroupId,
            kind,
            disabled,
            credentials is null ? null : credentials == UserCredentials.UsernameAndPassword);
    }

    private static void CheckId(ValidationErrors errors, string name, string? value)
    {
        if (value is not null && (value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors.Add(name, "Use an id of 1–64 letters, digits, '-' or '_'.");
        }
    }
}

/// <summary>An access group in the staff's list, with how many users it has.</summary>
public sealed record AccessGroupSummaryView(string Id, string Name, string Profile, IReadOnlyList<string> AllowedCategories, int Users);
