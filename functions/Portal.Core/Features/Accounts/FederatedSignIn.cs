using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Accounts;

public sealed class FederatedSignInRequest : IValidatable
{
    /// <summary>The ID token the browser received from the authority (authorization code + PKCE).</summary>
    [JsonRequired] public string IdToken { get; set; } = "";

    /// <summary>The nonce the browser sent to the authority; the token must carry the same one.</summary>
    public string? Nonce { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(IdToken))
        {
            errors.Add("idToken", "Send the ID token.");
        }
        else if (IdToken.Length > 16_384)
        {
            errors.Add("idToken", "Use at most 16384 characters.");
        }
        errors.Optional("nonce", Nonce, 200);
    }
}

/// <summary>How the sign-in page signs in: always with a password, with a work account when an authority is configured.</summary>
public sealed record SignInProvidersView(WorkAccountProviderView? WorkAccount);

/// <summary>What the browser needs to run authorization code + PKCE against the authority.</summary>
public sealed record WorkAccountProviderView(string Authority, string ClientId, IReadOnlyList<string> Scopes);

/// <summary>
/// Checks an ID token the way the authority means it: signature by a key from the authority's discovery document
/// (JWKS, refreshed by the configuration manager when an unknown key id appears), issuer, audience (our client id),
/// lifetime and nonce. The clock is the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FederatedTokenValidator
{
    public const string HttpClientName = "federated-sign-in";

    private readonly FederatedSignInOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _configuration;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public FederatedTokenValidator(IOptions<FederatedSignInOptions> options, IHttpClientFactory httpClients, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        if (_options.IsConfigured)
        {
            var loopback = Uri.TryCreate(_options.Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
            _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.MetadataAddress!,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !loopback || uri!.Scheme == Uri.UriSchemeHttps });
        }
    }

    /// <summary>The verified claims, or why the token is refused (for the log only: every refusal answers the same).</summary>
    public async Task<(JsonWebToken? Token, string? Refusal)> ValidateAsync(string idToken, string? nonce, CancellationToken cancellationToken)
    {
        if (_configuration is null)
        {
            return (null, "no authority is configured");
        }
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "the authority's discovery document could not be read: " + ex.Message);
        }
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = _options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ConfigurationManager = _configuration,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
            ClockSkew = _options.ClockSkew,
            // Our clock (tests move it), with the same rule as the library's: not before nbf, not after exp, within the skew.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = _clock.GetUtcNow().UtcDateTime;
                return expires is { } exp && now <= exp.ToUniversalTime() + _options.ClockSkew &&
                       (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - _options.ClockSkew);
            },
        };
        var result = await _handler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, result.Exception?.GetType().Name + ": " + result.Exception?.Message);
        }
        token.TryGetPayloadValue<string>("nonce", out var tokenNonce);
        if (!string.IsNullOrEmpty(nonce) || !string.IsNullOrEmpty(tokenNonce))
        {
            if (string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(tokenNonce) ||
                !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(tokenNonce)))
            {
                return (null, "the nonce does not match");
            }
        }
        return (token, null);
    }

    /// <summary>The configured username claim's value, when the token has it.</summary>
    public string? UsernameOf(JsonWebToken token) =>
        token.TryGetPayloadValue<string>(_options.UsernameClaim, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// An ID token that was exchanged for a session once (RowKey = hash of issuer and jti, or of the whole token when it
/// has no jti), kept until the token expires. Added with a conditional insert: the second exchange is a 409.
/// Partitioned by the hour the token expires ("yyyyMMddHH", UTC, fixed width, so partition keys sort by time): the replay
/// check stays one conditional insert, and every row that can no longer matter is found by one range query on the
/// partition key (<see cref="Before"/>), never a scan of live rows.
/// </summary>
public sealed class UsedTokenEntity : TableRow
{
    public static string Partition(DateTimeOffset expiresAt) => expiresAt.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The partitions whose every token expired before <paramref name="moment"/>: those of earlier hours than its own.
    /// </summary>
    public static string Before(DateTimeOffset moment) => TableClient.CreateQueryFilter($"PartitionKey lt {Partition(moment)}");

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// Username-only users sign in with their work account: the browser gets an ID token from the authority and posts
/// it here; a valid token for a username-only customer user in a customer access group opens the same session as a
/// password sign-in. Every refusal answers the same 401 (<see cref="Problems.FederatedSignInFailed"/>); the reason goes
/// to the log.
/// </summary>
public sealed class FederatedSignInService(
    AccountStore store,
    SignInService signIns,
    SettingsStore settings,
    FederatedTokenValidator validator,
    ClientThrottle throttle,
    TableServiceClient tables,
    IOptions<FederatedSignInOptions> options,
    TimeProvider clock,
    ILogger<FederatedSignInService> logger)
{
    /// <summary>How many expired used-token rows one sign-in deletes at most (one page of the range query).</summary>
    public const int CleanupBatch = 100;

    private readonly TableClient _usedTokens = tables.GetTableClient(AccountsTables.UsedTokens);

    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email"];

    public SignInProvidersView Providers() =>
        new(options.Value.IsConfigured ? new WorkAccountProviderView(options.Value.Authority!, options.Value.ClientId!, Scopes) : null);

    public async Task<SignInResult> SignInAsync(FederatedSignInRequest request, string client, CancellationToken cancellationToken)
    {
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            throw Problems.TooManyAttempts(retryAfter);
        }
        var (token, refusal) = await validator.ValidateAsync(request.IdToken, request.Nonce, cancellationToken);
        if (token is null)
        {
            // A forged or foreign token counts against the client like a wrong password.
            throttle.RecordFailure(client);
            throw Refuse(null, refusal!);
        }
        if (!await TryUseOnceAsync(token, request.IdToken, cancellationToken))
        {
            throttle.RecordFailure(client);
            throw Refuse(null, "the token was used before");
        }
        // Each accepted token adds one row; the same request removes up to a batch of rows nothing can replay any more,
        // so the table stays as small as the tokens still alive (see DeleteExpiredTokensAsync).
        await DeleteExpiredTokensQuietlyAsync(cancellationToken);
        var username = validator.UsernameOf(token);
        var user = username is null ? null : await store.FindByUsernameAsync(username, cancellationToken);
        if (user is null)
        {
            throw Refuse(username, "no user has this username");
        }
        if (user.UserKind != UserKind.Customer)
        {
            throw Refuse(username, "only customer users sign in with a work account");
        }
        if (user.PasswordHash is not null)
        {
            throw Refuse(username, "the user signs in with a password");
        }
        if (user.Disabled)
        {
            throw Refuse(username, "the user is disabled");
        }
        if (!(await settings.GetFreshAsync(cancellationToken)).ExternalAccessEnabled)
        {
            throw Refuse(username, "external access is off");
        }
        if (!await signIns.MaySignInAsync(user, cancellationToken))
        {
            throw Refuse(username, "the user is in no customer access group");
        }
        try
        {
            return await signIns.OpenSessionAsync(user, cancellationToken);
        }
        catch (PortalProblemException ex) when (ex.Status is 401 or 403)
        {
            throw Refuse(username, ex.Title);
        }
    }

    /// <summary>
    /// Deletes one bounded batch (at most <see cref="CleanupBatch"/>) of used-token rows that no validation can accept
    /// again: those in partitions of hours before now minus the clock skew, so a token still inside its skew keeps its
    /// row and stays refused. One range query on the partition key, then one transaction per partition. Returns how
    /// many rows went; a batch is safe to run twice or side by side (a row already gone is skipped).
    /// </summary>
    public async Task<int> DeleteExpiredTokensAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.ClockSkew;
        var expired = new List<TableEntity>();
        await foreach (var page in _usedTokens.QueryAsync<TableEntity>(UsedTokenEntity.Before(cutoff), maxPerPage: CleanupBatch,
                           select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken).AsPages())
        {
            expired.AddRange(page.Values);
            if (expired.Count > 0 || page.ContinuationToken is null)
            {
                break;
            }
        }
        var deleted = 0;
        foreach (var partition in expired.Take(CleanupBatch).GroupBy(r => r.PartitionKey))
        {
            var change = new EntityGroup(partition.Key);
            foreach (var row in partition)
            {
                change.Delete(row.RowKey);
            }
            try
            {
                await change.SubmitAsync(_usedTokens, cancellationToken);
                deleted += partition.Count();
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another sign-in deleted some of them first: delete the rest one by one.
                foreach (var row in partition)
                {
                    var response = await _usedTokens.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    deleted += response.Status == 404 ? 0 : 1;
                }
            }
        }
        return deleted;
    }

    private async Task DeleteExpiredTokensQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await DeleteExpiredTokensAsync(cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} expired used-token row(s)", deleted);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or TableTransactionFailedException)
        {
            // Housekeeping: the next sign-in tries again; the sign-in itself does not fail for it.
            logger.LogWarning(ex, "Expired used-token rows could not be deleted");
        }
    }

    private async Task<bool> TryUseOnceAsync(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token, string raw, CancellationToken cancellationToken)
    {
        var identity = string.IsNullOrEmpty(token.Id) ? "token:" + raw : "jti:" + token.Issuer + "\n" + token.Id;
        var row = new UsedTokenEntity
        {
            PartitionKey = UsedTokenEntity.Partition(new DateTimeOffset(token.ValidTo, TimeSpan.Zero)),
            RowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity))),
            ExpiresAt = new DateTimeOffset(token.ValidTo, TimeSpan.Zero),
        };
        try
        {
            await _usedTokens.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private PortalProblemException Refuse(string? username, string reason)
    {
        logger.LogInformation("Work-account sign-in refused for {Username}: {Reason}", username ?? "(no username)", reason);
        return Problems.FederatedSignInFailed();
    }
}
