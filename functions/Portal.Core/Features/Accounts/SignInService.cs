using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// Username-and-password sign-in. An unknown user, a wrong password, a disabled user and a locked account all
/// get the same answer after the same work, so the answer tells an attacker nothing. Failures are limited per
/// account (a lockout that ends by itself after <see cref="AuthOptions.LockoutDuration"/>, so nobody can lock a
/// user out for good) and per client address across accounts (password spraying).
/// </summary>
public sealed class SignInService(
    AccountStore store,
    SessionService sessions,
    SettingsStore settings,
    ClientThrottle throttle,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<SignInService> logger)
{
    /// <summary>The address sign-in failures are counted against (see <see cref="AuthOptions.TrustedProxyHops"/>).</summary>
    public string ClientOf(Microsoft.AspNetCore.Http.HttpRequest request) => request.ClientAddress(options.Value.TrustedProxyHops);

    public async Task<SignInResult> SignInAsync(string username, string password, string client, CancellationToken cancellationToken)
    {
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            throw Problems.TooManyAttempts(retryAfter);
        }

        var user = await store.FindByUsernameAsync(username, cancellationToken);
        var now = clock.GetUtcNow();
        var usable = user is not null && !user.Disabled && user.PasswordHash is not null && !(user.LockedUntil > now);
        // Always run the hash, against a dummy when there is nothing to check, so timing is the same.
        var passwordOk = PasswordHasher.Verify(password, usable ? user!.PasswordHash : null) && usable;

        if (!passwordOk)
        {
            throttle.RecordFailure(client);
            if (usable)
            {
                await RecordFailureAsync(user!, cancellationToken);
            }
            logger.LogInformation("Sign-in failed for {Username} from {Client}", username, client);
            throw Problems.SignInFailed();
        }

        if (user!.UserKind == UserKind.Customer && !(await settings.GetAsync(cancellationToken)).ExternalAccessEnabled)
        {
            throw Problems.ExternalAccessOff();
        }
        if (!await MaySignInAsync(user, cancellationToken))
        {
            // The right password: say why, so the user knows whom to ask (the supplier), and write no session.
            logger.LogInformation("Sign-in refused for {Username}: in no customer access group", user.Username);
            throw Problems.NoAccessGroup();
        }
        if (user.FailedSignIns != 0 || user.LockedUntil is not null)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            await TryUpdateAsync(user, cancellationToken);
        }
        var result = await OpenSessionAsync(user, cancellationToken);
        logger.LogInformation("User {Username} signed in", user.Username);
        return result;
    }

    /// <summary>
    /// Writes the session of a user whose credentials were checked (password, or a work account's ID token), then
    /// checks the external access switch again: switching access off ends the customers' sessions it finds, and one
    /// written while it ran is caught here.
    /// </summary>
    public async Task<SignInResult> OpenSessionAsync(UserEntity user, CancellationToken cancellationToken)
    {
        var (session, cookie) = await sessions.CreateAsync(user, cancellationToken);
        if (user.UserKind == UserKind.Customer && !(await settings.GetFreshAsync(cancellationToken)).ExternalAccessEnabled)
        {
            await sessions.RevokeAsync(user.UserId, session.RowKey, cancellationToken);
            throw Problems.ExternalAccessOff();
        }
        await RecordSignInAsync(user, clock.GetUtcNow(), cancellationToken);
        return new SignInResult(user, session, cookie);
    }

    /// <summary>The access group rule (<see cref="CustomerAccessRule"/>), read fresh: it decides access, so no cache.</summary>
    public async Task<bool> MaySignInAsync(UserEntity user, CancellationToken cancellationToken) =>
        user.UserKind == UserKind.Staff ||
        CustomerAccessRule.MaySignIn(user, user.AccessGroupId is null ? null : await store.GetAccessGroupAsync(user.AccessGroupId, cancellationToken));

    /// <summary>
    /// Checks the signed-in user's current password before a change that needs it. A wrong one counts toward the
    /// same lockout as a failed sign-in, so a stolen session cannot be used to guess the password; while the
    /// account is locked, nothing is checked.
    /// </summary>
    public async Task VerifyCurrentPasswordAsync(UserEntity user, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            throw Problems.TooManyAttempts(until - now);
        }
        if (!PasswordHasher.Verify(password, user.PasswordHash))
        {
            await RecordFailureAsync(user, cancellationToken);
            throw Problems.Validation("currentPassword", "The current password is not correct.");
        }
        if (user.FailedSignIns != 0)
        {
            user.FailedSignIns = 0;
        }
    }

    /// <summary>"Last signed in" for the staff's user list: a merge on the username row this sign-in read; a failure costs the user nothing.</summary>
    private async Task RecordSignInAsync(UserEntity user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordSignInAsync(user.Username, at, cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogWarning(ex, "Could not record the sign-in of {Username}", user.Username);
        }
    }

    private async Task RecordFailureAsync(UserEntity user, CancellationToken cancellationToken)
    {
        // Two failures racing for the same row: re-read and count again rather than lose one.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                user.FailedSignIns = 0;
                user.LockedUntil = clock.GetUtcNow() + options.Value.LockoutDuration;
                logger.LogWarning("Account {Username} locked until {LockedUntil} after repeated failed sign-ins", user.Username, user.LockedUntil);
            }
            if (await TryUpdateAsync(user, cancellationToken))
            {
                return;
            }
            user = await store.GetUserAsync(user.UserId, cancellationToken) ?? user;
        }
    }

    private async Task<bool> TryUpdateAsync(UserEntity user, CancellationToken cancellationToken)
    {
        try
        {
            await store.UpdateUserAsync(user, cancellationToken);
            return true;
        }
        catch (PortalProblemException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}

public sealed record SignInResult(UserEntity User, SessionEntity Session, string CookieValue);

/// <summary>
/// Failed sign-ins per client address in a sliding window, in memory: enough to slow password spraying on one
/// instance; the per-account lockout in storage covers attempts spread over many instances.
/// </summary>
public sealed class ClientThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(client, out var queue))
        {
            return false;
        }
        lock (queue)
        {
            Trim(queue);
            if (queue.Count < options.Value.MaxFailedSignInsPerClient)
            {
                return false;
            }
            retryAfter = queue.Peek() + options.Value.ClientWindow - clock.GetUtcNow();
            return true;
        }
    }

    public void RecordFailure(string client)
    {
        var queue = _failures.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Trim(queue);
            queue.Enqueue(clock.GetUtcNow());
        }
        if (_failures.Count > 10_000)
        {
            // Bound the memory an attacker with many addresses can make us hold.
            foreach (var key in _failures.Keys.Take(5_000))
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private void Trim(Queue<DateTimeOffset> queue)
    {
        var horizon = clock.GetUtcNow() - options.Value.ClientWindow;
        while (queue.Count > 0 && queue.Peek() < horizon)
        {
            queue.Dequeue();
        }
    }
}
