using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// Server-side sessions behind an HttpOnly cookie. The cookie carries the user id and a random session id,
/// signed with the session key, so a forged or altered cookie is refused without a storage read; the session
/// row makes sign-out, disabling a user and switching external access off revoke it.
/// </summary>
public sealed class SessionService(
    TableServiceClient tables,
    IMemoryCache cache,
    IOptions<AuthOptions> options,
    TimeProvider clock) : ICallerResolver
{
    /// <summary>Over HTTPS the cookie gets the __Host- prefix: Secure, no Domain, Path=/ — it cannot be planted by a subdomain.</summary>
    public const string SecureCookieName = "__Host-portal-session";
    public const string LocalCookieName = "portal-session";

    private readonly TableClient _table = tables.GetTableClient(AccountsTables.Sessions);
    private readonly byte[] _key = DecodeKey(options.Value.SessionKey);

    public async Task<(SessionEntity Session, string CookieValue)> CreateAsync(UserEntity user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new SessionEntity
        {
            PartitionKey = user.UserId,
            RowKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Username = user.Username,
            Kind = user.Kind,
            CounterpartyId = user.CounterpartyId,
            AccessGroupId = user.AccessGroupId,
            CsrfToken = Base64Url(RandomNumberGenerator.GetBytes(24)),
            CreatedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
        };
        await _table.AddEntityAsync(session, cancellationToken);
        return (session, Sign(user.UserId, session.RowKey));
    }

    public async Task<Caller?> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var cookie = request.Cookies[SecureCookieName] ?? request.Cookies[LocalCookieName];
        if (cookie is null || !TryVerify(cookie, out var userId, out var sessionId))
        {
            return null;
        }

        var session = await GetSessionAsync(userId, sessionId, cancellationToken);
        if (session is null || session.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }
        // No settings read here: switching external access off deletes the customers' sessions.
        var kind = Enum.Parse<UserKind>(session.Kind);
        return new Caller(
            kind == UserKind.Staff ? CallerKind.Staff : CallerKind.Customer,
            userId, session.Username, session.CounterpartyId, session.AccessGroupId, sessionId, session.CsrfToken);
    }

    public async Task RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        cache.Remove(CacheKey(sessionId));
        await _table.DeleteEntityAsync(userId, sessionId, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Ends every customer's session (external access switched off): one scan of the sessions table, a rare staff
    /// action. Staff sessions stay. Returns how many were ended.
    /// </summary>
    public async Task<int> RevokeAllCustomerSessionsAsync(CancellationToken cancellationToken)
    {
        var doomed = new List<(string UserId, string SessionId)>();
        var filter = TableClient.CreateQueryFilter($"Kind eq {nameof(UserKind.Customer)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            doomed.Add((row.PartitionKey, row.RowKey));
        }
        await Parallel.ForEachAsync(doomed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (session, ct) =>
        {
            cache.Remove(CacheKey(session.SessionId));
            await _table.DeleteEntityAsync(session.UserId, session.SessionId, ETag.All, ct);
        });
        return doomed.Count;
    }

    /// <summary>Ends every session of a user (disabled, password changed elsewhere), optionally keeping one.</summary>
    public async Task RevokeAllAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        var doomed = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == userId, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey != keepSessionId)
            {
                doomed.Add(row.RowKey);
            }
        }
        foreach (var chunk in doomed.Chunk(100))
        {
            foreach (var id in chunk)
            {
                cache.Remove(CacheKey(id));
            }
            await _table.SubmitTransactionAsync(chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(userId, id), ETag.All)), cancellationToken);
        }
    }

    /// <summary>Writes the session cookie: HttpOnly, SameSite=Strict, Secure unless this is plain http to this machine.</summary>
    public void WriteCookie(HttpResponse response, string value, DateTimeOffset expires)
    {
        var secure = !IsPlainHttpLoopback(response.HttpContext.Request);
        response.Cookies.Append(secure ? SecureCookieName : LocalCookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    public static void ClearCookie(HttpResponse response)
    {
        var secure = !IsPlainHttpLoopback(response.HttpContext.Request);
        response.Cookies.Delete(secure ? SecureCookieName : LocalCookieName, new CookieOptions
        {
            HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Strict, Path = "/",
        });
    }

    private async Task<SessionEntity?> GetSessionAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        var key = CacheKey(sessionId);
        if (cache.TryGetValue(key, out SessionEntity? cached) && cached is not null && cached.PartitionKey == userId)
        {
            return cached;
        }
        var response = await _table.GetEntityIfExistsAsync<SessionEntity>(userId, sessionId, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }
        var session = response.Value!;
        var until = clock.GetUtcNow() + options.Value.SessionCacheDuration;
        cache.Set(key, session, until < session.ExpiresAt ? until : session.ExpiresAt);
        return session;
    }

    private static string CacheKey(string sessionId) => "session:" + sessionId;

    private string Sign(string userId, string sessionId)
    {
        var payload = $"v1.{userId}.{sessionId}";
        return payload + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
    }

    private bool TryVerify(string cookie, out string userId, out string sessionId)
    {
        userId = sessionId = "";
        var parts = cookie.Split('.');
        if (parts.Length != 4 || parts[0] != "v1" || parts[1].Length is 0 or > 64 || parts[2].Length != 32)
        {
            return false;
        }
        var expected = Sign(parts[1], parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(cookie)))
        {
            return false;
        }
        userId = parts[1];
        sessionId = parts[2];
        return true;
    }

    private static bool IsPlainHttpLoopback(HttpRequest request) =>
        !request.IsHttps &&
        (request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" || request.Host.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) &&
        string.IsNullOrEmpty(request.Headers["X-Forwarded-Proto"]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// HMAC-SHA256 of <paramref name="value"/> with the session key (a secret outside storage), for a purpose: lets a
    /// stored row tell whether a later request carried the same secret value (a password in an idempotent create)
    /// without holding anything a reader of the table could test guesses against.
    /// </summary>
    public string KeyedHash(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value)));

    private static byte[] DecodeKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{AuthOptions.SectionName}:SessionKey is not valid base64.");
        }
        return key.Length >= 32 ? key : throw new InvalidOperationException($"{AuthOptions.SectionName}:SessionKey must be at least 32 bytes.");
    }
}
