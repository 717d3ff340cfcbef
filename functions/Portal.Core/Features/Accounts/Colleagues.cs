using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Azure;
using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

// Customer administrators: a customer user whom staff made the administrator of its company manages its colleagues
// (Account → Colleagues): invites them, disables them, resets their password and puts them in the access groups staff
// allowed for the company — never more. Every change is an audit row written in the same transaction as the change.

public sealed class InviteColleagueRequest : IValidatable
{
    [JsonRequired] public string Username { get; set; } = "";
    [JsonRequired] public string DisplayName { get; set; } = "";
    [JsonRequired] public string AccessGroupId { get; set; } = "";
    /// <summary>True: the portal makes a password, shown once. False: username only (the colleague signs in with a work account).</summary>
    [JsonRequired] public bool WithPassword { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("username", Username, 100);
        if (!string.IsNullOrWhiteSpace(Username) && !Username.Trim().All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors.Add("username", "Use letters, digits and . - _ @ only.");
        }
        errors.Required("displayName", DisplayName, 100);
        errors.Required("accessGroupId", AccessGroupId, 100);
        errors.Optional("email", Email, 254);
        errors.Optional("jobTitle", JobTitle, 100);
    }
}

public sealed class UpdateColleagueRequest : IValidatable
{
    [JsonRequired] public string DisplayName { get; set; } = "";
    [JsonRequired] public bool Disabled { get; set; }
    [JsonRequired] public string AccessGroupId { get; set; } = "";

    public void Validate(ValidationErrors errors)
    {
        errors.Required("displayName", DisplayName, 100);
        errors.Required("accessGroupId", AccessGroupId, 100);
    }
}

public sealed class AllowedGroupsRequest : IValidatable
{
    [JsonRequired] public List<string> AccessGroupIds { get; set; } = [];

    public void Validate(ValidationErrors errors)
    {
        if (AccessGroupIds is null)
        {
            errors.Add("accessGroupIds", "Send a list of access group ids (empty for none).");
            return;
        }
        if (AccessGroupIds.Count > 50)
        {
            errors.Add("accessGroupIds", "List at most 50 access groups.");
        }
        if (AccessGroupIds.Any(g => string.IsNullOrWhiteSpace(g) || g.Length > 64 || g.Contains(',')))
        {
            errors.Add("accessGroupIds", "Each access group id must be 1–64 characters without commas.");
        }
    }
}

public sealed record ManagedColleagueView(string Id, string Username, string DisplayName, string? JobTitle, string? Email, bool Disabled,
    bool HasPassword, string? AccessGroupId, bool CompanyAdministrator);

public sealed record GroupChoiceView(string Id, string Name);

/// <summary>The administrator's Colleagues page: the company's users and the access groups it may hand out.</summary>
public sealed record ColleagueAdminView(IReadOnlyList<ManagedColleagueView> Items, IReadOnlyList<GroupChoiceView> AllowedGroups);

/// <summary>An invited colleague; <see cref="Password"/> is shown this once (null for username-only, and when a retry replays the invite).</summary>
public sealed record InvitedColleagueView(ManagedColleagueView Colleague, string? Password);

public sealed record NewPasswordView(string Password);

public sealed record AllowedGroupsView(string CounterpartyId, IReadOnlyList<GroupChoiceView> AccessGroups);

public sealed record AuditEntryView(DateTimeOffset At, string ActorUserId, string ActorUsername, string ActorKind, string? TargetUserId, string? TargetUsername,
    string Action, string? Detail);

public sealed class ColleagueService(AccountStore store, SessionService sessions, TimeProvider clock, ILogger<ColleagueService> logger)
{
    public async Task<ColleagueAdminView> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var counterpartyId = (await RequireAdministratorAsync(caller, cancellationToken)).CounterpartyId!;
        var members = await store.ListMembersAsync(counterpartyId, cancellationToken);
        var items = new List<ManagedColleagueView>();
        foreach (var member in members)
        {
            if (member.Username is null)
            {
                // A member row written before the administrator's fields existed: read the user itself.
                if (await store.GetUserAsync(member.UserId, cancellationToken) is { } user)
                {
                    items.Add(ToView(user));
                }
                continue;
            }
            items.Add(new ManagedColleagueView(member.UserId, member.Username, member.DisplayName, member.JobTitle, member.Email, member.Disabled,
                member.HasPassword, member.AccessGroupId, member.CompanyAdministrator));
        }
        return new ColleagueAdminView(items.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList(),
            await AllowedChoicesAsync(counterpartyId, cancellationToken));
    }

    public async Task<(InvitedColleagueView View, bool Created)> InviteAsync(Caller caller, InviteColleagueRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var admin = await RequireAdministratorAsync(caller, cancellationToken);
        var counterpartyId = admin.CounterpartyId!;
        var username = request.Username.Trim();
        return await store.AddColleagueOnceAsync(admin.UserId, idempotencyKey,
            [counterpartyId, username, request.DisplayName, request.AccessGroupId, request.WithPassword ? "1" : "0", request.Email, request.JobTitle],
            async ct =>
            {
                await RequireAllowedGroupAsync(counterpartyId, request.AccessGroupId, ct);
                if (await store.FindByUsernameAsync(username, ct) is not null)
                {
                    throw Problems.Conflict($"The username '{username}' is taken.");
                }
                var password = request.WithPassword ? NewPassword() : null;
                var now = clock.GetUtcNow();
                var user = new UserEntity
                {
                    UserId = Guid.NewGuid().ToString("N"),
                    Username = username,
                    Kind = nameof(UserKind.Customer),
                    DisplayName = request.DisplayName.Trim(),
                    Email = Blank(request.Email),
                    JobTitle = Blank(request.JobTitle),
                    CounterpartyId = counterpartyId,
                    AccessGroupId = request.AccessGroupId,
                    PasswordHash = password is null ? null : PasswordHasher.Hash(password),
                    CreatedAt = now,
                };
                var audit = Audit(admin, now, user, "invited",
                    $"{(password is null ? "username only" : "username and password")}, access group {request.AccessGroupId}");
                logger.LogInformation("{Admin} invited {Username} to {Counterparty}", admin.Username, username, counterpartyId);
                return (user, audit, new InvitedColleagueView(ToView(user), password));
            },
            async (userId, ct) =>
            {
                var user = await store.GetUserAsync(userId, ct) ?? throw Problems.NotFound("The colleague");
                // The password was shown to the first request only; it is not kept anywhere to show again.
                return new InvitedColleagueView(ToView(user), null);
            }, cancellationToken);
    }

    public async Task<(ManagedColleagueView View, string ETag)> GetAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        var admin = await RequireAdministratorAsync(caller, cancellationToken);
        var user = await ColleagueOfAsync(admin, userId, cancellationToken);
        return (ToView(user), user.ETag.ToString());
    }

    public async Task<(ManagedColleagueView View, string ETag)> UpdateAsync(Caller caller, string userId, UpdateColleagueRequest request, string ifMatch, CancellationToken cancellationToken)
    {
        var admin = await RequireAdministratorAsync(caller, cancellationToken);
        var user = await ColleagueOfAsync(admin, userId, cancellationToken);
        if (user.ETag != new ETag(ifMatch))
        {
            throw Problems.PreconditionFailed();
        }
        if (user.UserId == admin.UserId && (request.Disabled || request.AccessGroupId != user.AccessGroupId))
        {
            throw Problems.Conflict("You cannot disable yourself or change your own access group; ask your supplier.");
        }
        if (request.AccessGroupId != user.AccessGroupId)
        {
            await RequireAllowedGroupAsync(admin.CounterpartyId!, request.AccessGroupId, cancellationToken);
        }
        var changes = new List<string>();
        if (request.DisplayName.Trim() != user.DisplayName)
        {
            changes.Add($"name '{user.DisplayName}' → '{request.DisplayName.Trim()}'");
        }
        if (request.Disabled != user.Disabled)
        {
            changes.Add(request.Disabled ? "disabled" : "enabled");
        }
        if (request.AccessGroupId != user.AccessGroupId)
        {
            changes.Add($"access group {user.AccessGroupId ?? "(none)"} → {request.AccessGroupId}");
        }
        if (changes.Count == 0)
        {
            return (ToView(user), user.ETag.ToString());
        }
        var signOut = (request.Disabled && !user.Disabled) || request.AccessGroupId != user.AccessGroupId;
        var previousGroup = user.AccessGroupId;
        user.DisplayName = request.DisplayName.Trim();
        user.Disabled = request.Disabled;
        user.AccessGroupId = request.AccessGroupId;
        var action = changes.Count == 1 && changes[0] is "disabled" or "enabled" ? changes[0] : "changed";
        await store.UpdateUserAuditedAsync(user, previousGroup, Audit(admin, clock.GetUtcNow(), user, action, string.Join("; ", changes)), cancellationToken);
        if (signOut)
        {
            await sessions.RevokeAllAsync(user.UserId, null, cancellationToken);
        }
        return (ToView(user), user.ETag.ToString());
    }

    /// <summary>A new password for a colleague who has one, shown once; the colleague is signed out everywhere.</summary>
    public async Task<NewPasswordView> ResetPasswordAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        var admin = await RequireAdministratorAsync(caller, cancellationToken);
        var user = await ColleagueOfAsync(admin, userId, cancellationToken);
        if (user.PasswordHash is null)
        {
            throw Problems.Conflict("This colleague signs in with a work account and has no password to reset.");
        }
        if (user.UserId == admin.UserId)
        {
            throw Problems.Conflict("Change your own password on your account page.");
        }
        var password = NewPassword();
        var now = clock.GetUtcNow();
        user.PasswordHash = PasswordHasher.Hash(password);
        user.PasswordChangedAt = now;
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await store.UpdateUserAuditedAsync(user, user.AccessGroupId, Audit(admin, now, user, "password-reset", null), cancellationToken);
        await sessions.RevokeAllAsync(user.UserId, null, cancellationToken);
        return new NewPasswordView(password);
    }

    // Staff side.

    public async Task<AllowedGroupsView> GetAllowedGroupsAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        _ = await store.GetCounterpartyAsync(counterpartyId, cancellationToken) ?? throw Problems.NotFound("The counterparty");
        return new AllowedGroupsView(counterpartyId, await AllowedChoicesAsync(counterpartyId, cancellationToken));
    }

    public async Task<AllowedGroupsView> SetAllowedGroupsAsync(Caller staff, string counterpartyId, AllowedGroupsRequest request, CancellationToken cancellationToken)
    {
        _ = await store.GetCounterpartyAsync(counterpartyId, cancellationToken) ?? throw Problems.NotFound("The counterparty");
        var ids = request.AccessGroupIds.Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            if (await store.GetAccessGroupAsync(id, cancellationToken) is not { } group || group.Profile != CustomerAccessRule.CustomerProfile)
            {
                throw Problems.Validation("accessGroupIds", $"No customer access group has the id '{id}'.");
            }
        }
        await store.SetAllowedGroupsAsync(counterpartyId, ids, cancellationToken);
        await store.AddAuditAsync(AccountAuditEntity.Of(counterpartyId, clock.GetUtcNow(), staff.UserId, staff.Username, nameof(UserKind.Staff), null, null,
            "allowed-groups-set", ids.Count == 0 ? "(none)" : string.Join(", ", ids)), cancellationToken);
        return new AllowedGroupsView(counterpartyId, await AllowedChoicesAsync(counterpartyId, cancellationToken));
    }

    public async Task<ListPage<AuditEntryView>> ListAuditAsync(string counterpartyId, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        _ = await store.GetCounterpartyAsync(counterpartyId, cancellationToken) ?? throw Problems.NotFound("The counterparty");
        return await store.ListAuditAsync(counterpartyId, continuation, pageSize, cancellationToken);
    }

    /// <summary>The audit row staff write when they make a user its company's administrator or take it back.</summary>
    public static AccountAuditEntity StaffAudit(Caller staff, DateTimeOffset at, UserEntity user, string action, string? detail) =>
        AccountAuditEntity.Of(user.CounterpartyId!, at, staff.UserId, staff.Username, nameof(UserKind.Staff), user.UserId, user.Username, action, detail);

    /// <summary>The caller's own user row when it is its company's administrator; 403 otherwise. Functions ask first, before reading a body.</summary>
    public async Task<UserEntity> RequireAdministratorAsync(Caller caller, CancellationToken cancellationToken)
    {
        // Read fresh on every call: taking the role back applies at once, without waiting for a session to end.
        var admin = await store.GetUserAsync(caller.UserId, cancellationToken);
        if (admin is null || admin.Disabled || !admin.CompanyAdministrator || admin.CounterpartyId != caller.CounterpartyId)
        {
            throw Problems.Forbidden("Only your company's administrator manages colleagues. Ask your supplier to make you one.");
        }
        return admin;
    }

    private async Task<UserEntity> ColleagueOfAsync(UserEntity admin, string userId, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(userId, cancellationToken);
        return user is not null && user.UserKind == UserKind.Customer && user.CounterpartyId == admin.CounterpartyId
            ? user
            : throw Problems.NotFound("The colleague");
    }

    private async Task RequireAllowedGroupAsync(string counterpartyId, string groupId, CancellationToken cancellationToken)
    {
        var (allowed, _) = await store.GetAllowedGroupsAsync(counterpartyId, cancellationToken);
        if (!allowed.Contains(groupId, StringComparer.Ordinal))
        {
            throw Problems.Validation("accessGroupId", "Choose one of the access groups your supplier allows for your company.");
        }
    }

    private async Task<List<GroupChoiceView>> AllowedChoicesAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        var (ids, _) = await store.GetAllowedGroupsAsync(counterpartyId, cancellationToken);
        var choices = new List<GroupChoiceView>();
        foreach (var id in ids)
        {
            if (await store.GetAccessGroupAsync(id, cancellationToken) is { } group)
            {
                choices.Add(new GroupChoiceView(group.RowKey, group.Name));
            }
        }
        return choices;
    }

    private static AccountAuditEntity Audit(UserEntity admin, DateTimeOffset at, UserEntity target, string action, string? detail) =>
        AccountAuditEntity.Of(admin.CounterpartyId!, at, admin.UserId, admin.Username, nameof(UserKind.Customer), target.UserId, target.Username, action, detail);

    /// <summary>16 random characters from an alphabet without look-alikes: about 80 bits, easy to read out once.</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static ManagedColleagueView ToView(UserEntity u) =>
        new(u.UserId, u.Username, u.DisplayName, u.JobTitle, u.Email, u.Disabled, u.PasswordHash is not null, u.AccessGroupId, u.CompanyAdministrator);
}
