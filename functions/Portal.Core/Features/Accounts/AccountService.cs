using Azure;
using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

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

    /// <summary>The supplier's contacts and the customer's manager, for the Account page.</summary>
    public async Task<ContactInformationView> GetContactInformationAsync(Caller caller, CancellationToken cancellationToken)
    {
        var counterparty = await store.GetCounterpartyAsync(caller.RequireCounterparty(), cancellationToken);
        return new ContactInformationView(await GetSupplierContactsAsync(cancellationToken), counterparty is null ? null : ManagerOf(counterparty));
    }

    // Company side.

    public async Task<SupplierContactsView> GetSupplierContactsAsync(CancellationToken cancellationToken) =>
        (await GetSupplierContactsVersionAsync(cancellationToken)).View;

    /// <summary>The supplier's contacts with their version, for a staff edit (If-Match); "" before anyone saved them.</summary>
    public async Task<(SupplierContactsView View, string ETag)> GetSupplierContactsVersionAsync(CancellationToken cancellationToken)
    {
        var portal = await settings.GetAsync(cancellationToken);
        var contacts = await settings.GetContactsAsync(cancellationToken);
        return (new SupplierContactsView(portal.CompanyName, contacts.Address, contacts.Phone, contacts.Email, contacts.Hours), contacts.ETag.ToString());
    }

    /// <summary>
    /// Replaces the supplier's contacts (one row) as the request's condition says: a clerk's edit names the version it
    /// read (412 when someone saved since); without a condition (a script, the ERP) the same body again changes nothing a
    /// reader sees.
    /// </summary>
    public async Task<(SupplierContactsView View, string ETag)> UpdateSupplierContactsAsync(SupplierContactsRequest request, WriteCondition condition,
        CancellationToken cancellationToken)
    {
        var row = new SupplierContactsEntity
        {
            Address = Blank(request.Address),
            Phone = Blank(request.Phone),
            Email = Blank(request.Email),
            Hours = Blank(request.Hours),
        };
        await settings.SaveContactsAsync(row, condition, cancellationToken);
        var portal = await settings.GetAsync(cancellationToken);
        return (new SupplierContactsView(portal.CompanyName, row.Address, row.Phone, row.Email, row.Hours), row.ETag.ToString());
    }

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
        (await GetCounterpartyVersionAsync(id, cancellationToken)).View;

    /// <summary>The counterparty with its version, for an edit (If-Match).</summary>
    public async Task<(CounterpartyView View, string ETag)> GetCounterpartyVersionAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await store.GetCounterpartyAsync(id, cancellationToken) ?? throw Problems.NotFound("The counterparty");
        return (ToView(entity), entity.ETag.ToString());
    }

    /// <summary>
    /// Creates or replaces a counterparty under the given id (the company's key, so retries do not duplicate). A
    /// staff page creates with <see cref="WriteCondition.CreateOnly"/> and edits with If-Match.
    /// </summary>
    public async Task<(CounterpartyView View, string ETag)> UpsertCounterpartyAsync(string id, CounterpartyRequest request, CancellationToken cancellationToken,
        WriteCondition? condition = null)
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
            ManagerName = Blank(request.ManagerName),
            ManagerEmail = Blank(request.ManagerEmail),
            ManagerPhone = Blank(request.ManagerPhone),
        };
        await store.UpsertCounterpartyAsync(entity, condition ?? WriteCondition.Any, cancellationToken);
        return (ToView(entity), entity.ETag.ToString());
    }

    /// <summary>Every access group with its user count: one query for the groups, one for the counts.</summary>
    public async Task<List<AccessGroupSummaryView>> ListAccessGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = store.ListAccessGroupsAsync(cancellationToken);
        var counts = await store.ListGroupCountsAsync(cancellationToken);
        return (await groups)
            .Select(ToView)
            .Select(g => new AccessGroupSummaryView(g.Id, g.Name, g.Profile, g.AllowedCategories, counts.GetValueOrDefault(g.Id)))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<(AccessGroupView View, string ETag)> GetAccessGroupAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await store.GetAccessGroupAsync(id, cancellationToken) ?? throw Problems.NotFound("The access group");
        return (ToView(entity), entity.ETag.ToString());
    }

    public async Task<(AccessGroupView View, string ETag)> UpsertAccessGroupAsync(string id, AccessGroupRequest request, CancellationToken cancellationToken,
        WriteCondition? condition = null)
    {
        RequireId(id);
        var entity = new AccessGroupEntity
        {
            RowKey = id,
            Name = request.Name.Trim(),
            AllowedCategories = string.Join(',', (request.AllowedCategories ?? []).Select(c => c.Trim()).Distinct()),
        };
        await store.UpsertAccessGroupAsync(entity, condition ?? WriteCondition.Any, cancellationToken);
        access.Forget(id);
        return (ToView(entity), entity.ETag.ToString());
    }

    /// <summary>One page of users in username order, filtered by storage (one range query per page).</summary>
    public Task<ListPage<UserSummaryView>> ListUsersAsync(UserListFilter filter, string? continuation, int? pageSize, CancellationToken cancellationToken) =>
        store.ListUserRowsAsync(filter, continuation, pageSize, ToSummaryView, cancellationToken);

    /// <summary>Every enabled staff user (support assignees): the list query with its filters, all pages.</summary>
    public async Task<List<UserSummaryView>> ListEnabledStaffAsync(CancellationToken cancellationToken)
    {
        var filter = new UserListFilter(null, null, null, UserKind.Staff, false, null);
        var all = new List<UserSummaryView>();
        string? continuation = null;
        do
        {
            var page = await ListUsersAsync(filter, continuation, PagedQuery.MaxPageSize, cancellationToken);
            all.AddRange(page.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return all;
    }

    /// <summary>
    /// One bounded step of the user-list backfill (see <see cref="AccountStore.BackfillSummariesAsync"/>): pass the
    /// continuation of the step before until it is null. Safe to repeat: a row that has its summary is left alone.
    /// </summary>
    public async Task<UserSummaryBackfillView> BackfillUserSummariesAsync(string? continuation, CancellationToken cancellationToken)
    {
        var (examined, updated, next) = await store.BackfillSummariesAsync(continuation, cancellationToken);
        if (updated > 0)
        {
            logger.LogInformation("User list: {Updated} of {Examined} user row(s) got their summary", updated, examined);
        }
        return new UserSummaryBackfillView(examined, updated, next);
    }

    /// <summary>The backfill at start-up, all steps, only when it has not been finished before in this storage.</summary>
    public async Task BackfillUserSummariesOnceAsync(CancellationToken cancellationToken)
    {
        if (await store.AreSummariesBackfilledAsync(cancellationToken))
        {
            return;
        }
        string? continuation = null;
        do
        {
            continuation = (await BackfillUserSummariesAsync(continuation, cancellationToken)).Continuation;
        }
        while (continuation is not null);
    }

    public async Task<(ManagedUserView View, string ETag)> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(userId, cancellationToken) ?? throw Problems.NotFound("The user");
        return (await ManagedViewAsync(user, cancellationToken), user.ETag.ToString());
    }

    /// <summary>The staff's view of a user: with its last sign-in (its list row) and whether its group lets it in.</summary>
    private async Task<ManagedUserView> ManagedViewAsync(UserEntity user, CancellationToken cancellationToken)
    {
        var row = await store.GetListRowAsync(user.Username, cancellationToken);
        var group = user.AccessGroupId is null ? null : await store.GetAccessGroupAsync(user.AccessGroupId, cancellationToken);
        return ToManagedView(user, group, row?.LastSignInAt);
    }

    public async Task<ManagedUserView> CreateUserAsync(CreateUserRequest request, string? userId, CancellationToken cancellationToken)
    {
        var user = await NewUserAsync(request, userId, cancellationToken);
        await store.AddUserAsync(user, cancellationToken);
        logger.LogInformation("User {Username} created", user.Username);
        return await ManagedViewAsync(user, cancellationToken);
    }

    /// <summary>
    /// A clerk's create, once per Idempotency-Key: a retry with the same key and body answers with the user the first
    /// request created (as it is now), a different body with the same key is a 422. The password is part of "the same
    /// body" only as a keyed hash (<see cref="SessionService.KeyedHash"/>), so the key row holds nothing a reader of the
    /// table could test passwords against; the password itself is never stored or answered (the page that chose it shows it).
    /// </summary>
    public async Task<(ManagedUserView View, bool Created)> CreateUserOnceAsync(Caller staff, CreateUserRequest request, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return (await CreateUserAsync(request, null, cancellationToken), true);
        }
        var fingerprint = new[]
        {
            "create-user", request.Username.Trim(), request.DisplayName.Trim(), request.Kind.ToString(), request.CounterpartyId, request.AccessGroupId,
            Blank(request.Email), Blank(request.Phone), Blank(request.JobTitle),
            string.IsNullOrEmpty(request.Password) ? "" : sessions.KeyedHash("create-user-password", request.Password),
        };
        var (user, created) = await store.AddUserOnceAsync(staff.UserId, idempotencyKey, fingerprint,
            async ct =>
            {
                var user = await NewUserAsync(request, null, ct);
                if (await store.FindByUsernameAsync(user.Username, ct) is not null)
                {
                    throw Problems.Conflict($"The username '{user.Username}' is taken.");
                }
                return user;
            },
            async (userId, ct) => await store.GetUserAsync(userId, ct) ?? throw Problems.NotFound("The user"), cancellationToken);
        if (created)
        {
            logger.LogInformation("User {Username} created", user.Username);
        }
        return (await ManagedViewAsync(user, cancellationToken), created);
    }

    private async Task<UserEntity> NewUserAsync(CreateUserRequest request, string? userId, CancellationToken cancellationToken)
    {
        if (request.CounterpartyId is not null && await store.GetCounterpartyAsync(request.CounterpartyId, cancellationToken) is null)
        {
            throw Problems.Validation("counterpartyId", "No counterparty has this id.");
        }
        if (request.AccessGroupId is not null && await store.GetAccessGroupAsync(request.AccessGroupId, cancellationToken) is null)
        {
            throw Problems.Validation("accessGroupId", "No access group has this id.");
        }
        return new UserEntity
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
            PasswordHash = string.IsNullOrEmpty(request.Password) ? null : PasswordHasher.Hash(request.Password),
            CreatedAt = clock.GetUtcNow(),
        };
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
        var previousGroup = user.AccessGroupId;
        var removesPassword = request.RemovePassword && user.PasswordHash is not null;
        var adminChange = request.CompanyAdministrator is { } admin && admin != user.CompanyAdministrator;
        var signOutEverywhere = (request.Disabled && !user.Disabled) || request.NewPassword is not null || removesPassword || request.AccessGroupId != user.AccessGroupId;
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
        else if (removesPassword)
        {
            // Username-only from now on: the password (and what an attacker may know of it) stops working.
            user.PasswordHash = null;
            user.PasswordChangedAt = clock.GetUtcNow();
            user.FailedSignIns = 0;
            user.LockedUntil = null;
        }
        if (adminChange)
        {
            user.CompanyAdministrator = request.CompanyAdministrator!.Value;
            var by = staff ?? new Caller(CallerKind.Staff, "", "staff", null, null, "", "");
            await store.UpdateUserAuditedAsync(user, previousGroup, ColleagueService.StaffAudit(by, clock.GetUtcNow(), user,
                user.CompanyAdministrator ? "administrator-granted" : "administrator-revoked", null), cancellationToken);
        }
        else
        {
            await store.UpdateUserAsync(user, previousGroup, cancellationToken);
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

    private static CounterpartyView ToView(CounterpartyEntity c) => new(c.RowKey, c.Name, c.Code, c.TaxId, c.Email, c.Phone, c.Address, ManagerOf(c));

    private static ManagerView? ManagerOf(CounterpartyEntity c) =>
        string.IsNullOrWhiteSpace(c.ManagerName) ? null : new ManagerView(c.ManagerName, c.ManagerEmail, c.ManagerPhone);

    internal static AccessGroupView ToView(AccessGroupEntity g) =>
        new(g.RowKey, g.Name, g.Profile, g.AllowedCategories.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static ColleagueView ToView(CounterpartyMemberEntity m) => new(m.UserId, m.DisplayName, m.JobTitle, m.Email, m.Phone, m.Disabled);

    private static ManagedUserView ToManagedView(UserEntity u, AccessGroupEntity? group, DateTimeOffset? lastSignInAt) => new(u.UserId, u.Username, u.DisplayName, u.UserKind,
        u.CounterpartyId, u.AccessGroupId, u.Email, u.Phone, u.JobTitle, u.Disabled, u.PasswordHash is not null, u.LockedUntil,
        u.PasswordHash is null ? UserCredentials.UsernameOnly : UserCredentials.UsernameAndPassword, lastSignInAt,
        CustomerAccessRule.InNoAccessGroup(u, group), u.CompanyAdministrator);

    private static UserSummaryView ToSummaryView(UsernameIndexEntity r)
    {
        var kind = Enum.TryParse<UserKind>(r.Kind, out var k) ? k : UserKind.Customer;
        var groupId = string.IsNullOrEmpty(r.AccessGroupId) ? null : r.AccessGroupId;
        return new(r.UserId, r.Username ?? r.RowKey[UsernameIndexEntity.Prefix.Length..], r.DisplayName ?? "", kind,
            r.HasPassword ? UserCredentials.UsernameAndPassword : UserCredentials.UsernameOnly,
            string.IsNullOrEmpty(r.CounterpartyId) ? null : r.CounterpartyId,
            groupId, r.Disabled, r.LastSignInAt,
            // Every group is made on the Customer profile, so on the list a customer naming no group is the one flagged.
            InNoAccessGroup: kind == UserKind.Customer && groupId is null, r.CompanyAdministrator);
    }
}
