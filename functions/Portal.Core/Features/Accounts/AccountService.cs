using Azure;
using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

/// <summary>What signed-in users do with their own account, and what staff do with users, counterparties and groups.</summary>
public sealed class AccountService(
    AccountStore store,
    SessionService sessions,
    SettingsStore settings,
    SignInService signIns,
    CategoryAccess access,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<(MeView View, string ETag)> GetMeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(caller.UserId, cancellationToken) ?? throw Problems.Unauthenticated();
        var counterpartyTask = caller.CounterpartyId is null ? Task.FromResult<CounterpartyEntity?>(null) : store.GetCounterpartyAsync(caller.CounterpartyId, cancellationToken);
        var groupTask = caller.AccessGroupId is null ? Task.FromResult<AccessGroupEntity?>(null) : store.GetAccessGroupAsync(caller.AccessGroupId, cancellationToken);
        var portal = await settings.GetAsync(cancellationToken);
        var counterparty = await counterpartyTask;
        var group = await groupTask;
        var view = new MeView(
            ToView(user),
            counterparty is null ? null : ToView(counterparty),
            group is null ? null : ToView(group),
            portal.CompanyName,
            portal.Currency,
            caller.CsrfToken,
            user.UserKind == UserKind.Customer && user.CompanyAdministrator && !user.Disabled ? true : null);
        return (view, user.ETag.ToString());
    }

    public async Task<string> UpdateContactAsync(Caller caller, ContactRequest request, string ifMatch, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(caller.UserId, cancellationToken) ?? throw Problems.Unauthenticated();
        if (user.ETag != new ETag(ifMatch))
        {
            throw Problems.PreconditionFailed();
        }
        user.DisplayName = request.DisplayName.Trim();
        user.Email = Blank(request.Email);
        user.Phone = Blank(request.Phone);
        user.JobTitle = Blank(request.JobTitle);
        await store.UpdateUserAsync(user, cancellationToken);
        return user.ETag.ToString();
    }

    public async Task ChangePasswordAsync(Caller caller, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(caller.UserId, cancellationToken) ?? throw Problems.Unauthenticated();
        await signIns.VerifyCurrentPasswordAsync(user, request.CurrentPassword, cancellationToken);
        if (PasswordPolicy.Check(request.NewPassword, user.Username) is { } reason)
        {
            throw Problems.Validation("newPassword", reason);
        }
        if (request.NewPassword == request.CurrentPassword)
        {
            throw Problems.Validation("newPassword", "Choose a password different from the current one.");
        }
        user.PasswordHash = PasswordHasher.Hash(request.NewPassword);
        user.PasswordChangedAt = clock.GetUtcNow();
        await store.UpdateUserAsync(user, cancellationToken);
        // Whoever else knew the old password is signed out; this browser stays signed in.
        await sessions.RevokeAllAsync(user.UserId, caller.SessionId, cancellationToken);
        logger.LogInformation("User {Username} changed their password", user.Username);
    }

    public async Task<List<ColleagueView>> ListColleaguesAsync(Caller caller, CancellationToken cancellationToken) =>
        (await store.ListMembersAsync(caller.RequireCounterparty(), cancellationToken))
        .Select(ToView).OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<ColleagueView> GetColleagueAsync(Caller caller, string userId, CancellationToken cancellationToken) =>
        ToView(await store.GetMemberAsync(caller.RequireCounterparty(), userId, cancellationToken) ?? throw Problems.NotFound("The user"));

    // Company side.

    public async Task<(SettingsView View, string ETag)> GetSettingsAsync(CancellationToken cancellationToken)
    {
        var s = await settings.GetFreshAsync(cancellationToken);
        return (new SettingsView(s.ExternalAccessEnabled, s.CompanyName, s.Currency), s.ETag.ToString());
    }

    public async Task<(SettingsView View, string ETag)> UpdateSettingsAsync(SettingsRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var entity = new SettingsEntity
        {
            ExternalAccessEnabled = request.ExternalAccessEnabled,
            CompanyName = request.CompanyName.Trim(),
            Currency = request.Currency,
        };
        var saved = await settings.SaveAsync(entity, ifMatch is null ? default : new ETag(ifMatch), cancellationToken);
        logger.LogInformation("External access is now {State}", saved.ExternalAccessEnabled ? "on" : "off");
        if (!saved.ExternalAccessEnabled)
        {
            // Access ends by ending the sessions, so no request has to read the switch. Saving "off" again ends
            // any that a sign-in racing the first save created (sign-in also checks the switch after it writes).
            var ended = await sessions.RevokeAllCustomerSessionsAsync(cancellationToken);
            logger.LogInformation("External access off: {Count} customer session(s) ended", ended);
        }
        return (new SettingsView(saved.ExternalAccessEnabled, saved.CompanyName, saved.Currency), saved.ETag.ToString());
    }

    public async Task<List<CounterpartyView>> ListCounterpartiesAsync(CancellationToken cancellationToken) =>
        (await store.ListCounterpartiesAsync(cancellationToken)).Select(ToView).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<CounterpartyView> GetCounterpartyAsync(string id, CancellationToken cancellationToken) =>
        ToView(await store.GetCounterpartyAsync(id, cancellationToken) ?? throw Problems.NotFound("The counterparty"));

    /// <summary>Creates or replaces a counterparty under the given id (the company's key, so retries do not duplicate).</summary>
    public async Task<CounterpartyView> UpsertCounterpartyAsync(string id, CounterpartyRequest request, CancellationToken cancellationToken)
    {
        RequireId(id);
        var entity = new CounterpartyEntity
        {
            RowKey = id,
            Name = request.Name.Trim(),
            Code = Blank(request.Code),
            TaxId = Blank(request.TaxId),
            Email = Blank(request.Email),
            Phone = Blank(request.Phone),
            Address = Blank(request.Address),
        };
        await store.UpsertCounterpartyAsync(entity, cancellationToken);
        return ToView(entity);
    }

    public async Task<List<AccessGroupView>> ListAccessGroupsAsync(CancellationToken cancellationToken) =>
        (await store.ListAccessGroupsAsync(cancellationToken)).Select(ToView).OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<AccessGroupView> UpsertAccessGroupAsync(string id, AccessGroupRequest request, CancellationToken cancellationToken)
    {
        RequireId(id);
        var entity = new AccessGroupEntity
        {
            RowKey = id,
            Name = request.Name.Trim(),
            AllowedCategories = string.Join(',', (request.AllowedCategories ?? []).Select(c => c.Trim()).Distinct()),
        };
        await store.UpsertAccessGroupAsync(entity, cancellationToken);
        access.Forget(id);
        return ToView(entity);
    }

    public async Task<List<ManagedUserView>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var groups = (await store.ListAccessGroupsAsync(cancellationToken)).ToDictionary(g => g.RowKey, StringComparer.Ordinal);
        return (await store.ListUsersAsync(cancellationToken))
            .Select(u => ToManagedView(u, u.AccessGroupId is not null && groups.TryGetValue(u.AccessGroupId, out var g) ? g : null))
            .OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
    }

    public async Task<(ManagedUserView View, string ETag)> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(userId, cancellationToken) ?? throw Problems.NotFound("The user");
        return (await ManagedViewAsync(user, cancellationToken), user.ETag.ToString());
    }

    private async Task<ManagedUserView> ManagedViewAsync(UserEntity user, CancellationToken cancellationToken) =>
        ToManagedView(user, user.AccessGroupId is null ? null : await store.GetAccessGroupAsync(user.AccessGroupId, cancellationToken));

    public async Task<ManagedUserView> CreateUserAsync(CreateUserRequest request, string? userId, CancellationToken cancellationToken)
    {
        if (request.CounterpartyId is not null && await store.GetCounterpartyAsync(request.CounterpartyId, cancellationToken) is null)
        {
            throw Problems.Validation("counterpartyId", "No counterparty has this id.");
        }
        if (request.AccessGroupId is not null && await store.GetAccessGroupAsync(request.AccessGroupId, cancellationToken) is null)
        {
            throw Problems.Validation("accessGroupId", "No access group has this id.");
        }
        var user = new UserEntity
        {
            UserId = userId ?? Guid.NewGuid().ToString("N"),
            Username = request.Username.Trim(),
            Kind = request.Kind.ToString(),
            DisplayName = request.DisplayName.Trim(),
            Email = Blank(request.Email),
            Phone = Blank(request.Phone),
            JobTitle = Blank(request.JobTitle),
            CounterpartyId = request.CounterpartyId,
            AccessGroupId = request.AccessGroupId,
            PasswordHash = request.Password is null ? null : PasswordHasher.Hash(request.Password),
            CreatedAt = clock.GetUtcNow(),
        };
        await store.AddUserAsync(user, cancellationToken);
        logger.LogInformation("User {Username} created", user.Username);
        return await ManagedViewAsync(user, cancellationToken);
    }

    public async Task<(ManagedUserView View, string ETag)> UpdateUserAsync(string userId, UpdateUserRequest request, string ifMatch, CancellationToken cancellationToken,
        Caller? staff = null)
    {
        var user = await store.GetUserAsync(userId, cancellationToken) ?? throw Problems.NotFound("The user");
        if (user.ETag != new ETag(ifMatch))
        {
            throw Problems.PreconditionFailed();
        }
        if (request.AccessGroupId is not null && await store.GetAccessGroupAsync(request.AccessGroupId, cancellationToken) is null)
        {
            throw Problems.Validation("accessGroupId", "No access group has this id.");
        }
        if (request.NewPassword is not null && PasswordPolicy.Check(request.NewPassword, user.Username) is { } reason)
        {
            throw Problems.Validation("newPassword", reason);
        }
        if (request.CompanyAdministrator == true && user.UserKind != UserKind.Customer)
        {
            throw Problems.Validation("companyAdministrator", "Only a customer user can be its company's administrator.");
        }
        var adminChange = request.CompanyAdministrator is { } admin && admin != user.CompanyAdministrator;
        var signOutEverywhere = (request.Disabled && !user.Disabled) || request.NewPassword is not null || request.AccessGroupId != user.AccessGroupId;
        user.DisplayName = request.DisplayName.Trim();
        user.Disabled = request.Disabled;
        user.AccessGroupId = user.UserKind == UserKind.Customer ? request.AccessGroupId : null;
        user.Email = Blank(request.Email);
        user.Phone = Blank(request.Phone);
        user.JobTitle = Blank(request.JobTitle);
        if (request.NewPassword is not null)
        {
            user.PasswordHash = PasswordHasher.Hash(request.NewPassword);
            user.PasswordChangedAt = clock.GetUtcNow();
            user.FailedSignIns = 0;
            user.LockedUntil = null;
        }
        if (adminChange)
        {
            user.CompanyAdministrator = request.CompanyAdministrator!.Value;
            var by = staff ?? new Caller(CallerKind.Staff, "", "staff", null, null, "", "");
            await store.UpdateUserAuditedAsync(user, ColleagueService.StaffAudit(by, clock.GetUtcNow(), user,
                user.CompanyAdministrator ? "administrator-granted" : "administrator-revoked", null), cancellationToken);
        }
        else
        {
            await store.UpdateUserAsync(user, cancellationToken);
        }
        if (signOutEverywhere)
        {
            // Sessions carry the access group and the right to be here: end them so the change applies now.
            await sessions.RevokeAllAsync(user.UserId, null, cancellationToken);
        }
        return (await ManagedViewAsync(user, cancellationToken), user.ETag.ToString());
    }

    private static void RequireId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Problems.Validation("id", "Use 1–64 letters, digits, '-' or '_'.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static UserView ToView(UserEntity u) => new(u.UserId, u.Username, u.DisplayName, u.Email, u.Phone, u.JobTitle, u.UserKind);

    private static CounterpartyView ToView(CounterpartyEntity c) => new(c.RowKey, c.Name, c.Code, c.TaxId, c.Email, c.Phone, c.Address);

    internal static AccessGroupView ToView(AccessGroupEntity g) =>
        new(g.RowKey, g.Name, g.Profile, g.AllowedCategories.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static ColleagueView ToView(CounterpartyMemberEntity m) => new(m.UserId, m.DisplayName, m.JobTitle, m.Email, m.Phone, m.Disabled);

    private static ManagedUserView ToManagedView(UserEntity u, AccessGroupEntity? group) => new(u.UserId, u.Username, u.DisplayName, u.UserKind, u.CounterpartyId, u.AccessGroupId,
        u.Email, u.Phone, u.JobTitle, u.Disabled, u.PasswordHash is not null, u.LockedUntil, CustomerAccessRule.InNoAccessGroup(u, group), u.CompanyAdministrator);
}
