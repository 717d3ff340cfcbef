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

public sealed record CounterpartyView(string Id, string Name, string? Code, string? TaxId, string? Email, string? Phone, string? Address);

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

    public void Validate(ValidationErrors errors)
    {
        errors.Required("name", Name, 200);
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
        if (Password is not null && PasswordPolicy.Check(Password, Username ?? "") is { } reason)
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
    /// <summary>Sets a new password (the user is signed out everywhere).</summary>
    public string? NewPassword { get; set; }
    /// <summary>Makes a customer user its company's administrator (Account → Colleagues) or takes it back; null keeps it.</summary>
    public bool? CompanyAdministrator { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("displayName", DisplayName, 100);
        errors.Optional("email", Email, 254);
        errors.Optional("phone", Phone, 40);
        errors.Optional("jobTitle", JobTitle, 100);
        errors.Optional("accessGroupId", AccessGroupId, 100);
    }
}

public sealed record ManagedUserView(string Id, string Username, string DisplayName, UserKind Kind, string? CounterpartyId, string? AccessGroupId,
    string? Email, string? Phone, string? JobTitle, bool Disabled, bool HasPassword, DateTimeOffset? LockedUntil,
    // A customer user in no customer access group cannot sign in (CustomerAccessRule): staff see it flagged.
    bool InNoAccessGroup,
    bool CompanyAdministrator);
