using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.LocalAuthority;

/// <summary>
/// A small OpenID Connect authority on 127.0.0.1 for tests: a discovery document, a JWKS with an RSA key made at
/// start, an authorize page that signs in whoever types a username and returns a code, and a token endpoint for
/// code + PKCE (S256). It serves HTTPS with a certificate it makes at start, because browser libraries refuse
/// authorities over plain http; <see cref="TrustsItsCertificate"/> lets a test's HTTP client accept it.
/// Tests also mint tokens directly (<see cref="CreateIdToken"/>), including wrong ones, to check every refusal.
/// </summary>
public sealed class LocalOidcAuthority : IAsyncDisposable
{
    public const string TenantId = "00000000-0000-4000-8000-00000000c1a0";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();

    private LocalOidcAuthority(WebApplication app, RsaSecurityKey key, X509Certificate2 certificate, string clientId)
    {
        _app = app;
        _key = key;
        _certificate = certificate;
        ClientId = clientId;
    }

    public string ClientId { get; }

    /// <summary>https://127.0.0.1:{port}</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>What the portal is configured with: {origin}/{tenant}/v2.0</summary>
    public string Authority => $"{Origin.ToString().TrimEnd('/')}/{TenantId}/v2.0";

    public string Issuer => Authority;

    /// <summary>Every username signed in through the authorize page, in order (for assertions).</summary>
    public ConcurrentQueue<string> SignedIn { get; } = new();

    public static async Task<LocalOidcAuthority> StartAsync(string clientId = "portal-local-client", CancellationToken cancellationToken = default)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "local-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var authority = new LocalOidcAuthority(app, key, certificate, clientId);
        authority.Map(app);
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First());
        authority.Origin = new Uri($"https://127.0.0.1:{address.Port}/");
        return authority;
    }

    /// <summary>For HttpClientHandler.ServerCertificateCustomValidationCallback: accepts exactly this authority's certificate.</summary>
    public bool TrustsItsCertificate(HttpRequestMessage _, X509Certificate2? certificate, X509Chain? __, System.Net.Security.SslPolicyErrors ___) =>
        certificate is not null && certificate.Thumbprint == _certificate.Thumbprint;

    /// <summary>The certificate's SHA-256 fingerprint, for a browser told to trust it (Chromium's --ignore-certificate-errors-spki-list takes the key's).</summary>
    public string SpkiFingerprint => Convert.ToBase64String(SHA256.HashData(_certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>An ID token signed with this authority's key, by default valid for an hour for <see cref="ClientId"/>.</summary>
    public string CreateIdToken(string username, IdTokenShape? shape = null)
    {
        shape ??= new IdTokenShape();
        var now = shape.Now ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username)))[..16],
            ["oid"] = shape.ObjectId ?? Guid.NewGuid().ToString(),
            ["tid"] = TenantId,
            ["preferred_username"] = username,
            ["email"] = username,
            ["name"] = username,
            ["ver"] = "2.0",
        };
        if (shape.Nonce is not null)
        {
            claims["nonce"] = shape.Nonce;
        }
        if (shape.Jti is not null)
        {
            claims["jti"] = shape.Jti;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = shape.Issuer ?? Issuer,
            Audience = shape.Audience ?? ClientId,
            IssuedAt = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            NotBefore = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            Expires = (now + (shape.Lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(shape.SigningKey ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private void Map(WebApplication app)
    {
        var prefix = $"/{TenantId}/v2.0";
        app.Use(async (context, next) =>
        {
            // The browser library fetches discovery, keys and tokens from the portal's origin.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowHeaders = "*";
            context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.StatusCode = 204;
                return;
            }
            await next(context);
        });
        app.MapGet(prefix + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Authority + "/oauth2/authorize",
            ["token_endpoint"] = Authority + "/oauth2/token",
            ["end_session_endpoint"] = Authority + "/oauth2/logout",
            ["jwks_uri"] = Authority + "/discovery/keys",
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "none" },
            ["claims_supported"] = new[] { "sub", "oid", "tid", "preferred_username", "email", "name", "nonce" },
        }));
        app.MapGet(prefix + "/discovery/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = "RS256" } } });
        });
        app.MapGet(prefix + "/oauth2/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || string.IsNullOrEmpty(q["redirect_uri"]) || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest("client_id, redirect_uri and an S256 code_challenge are required.");
            }
            var hidden = new StringBuilder();
            foreach (var name in new[] { "client_id", "redirect_uri", "state", "nonce", "code_challenge", "response_mode" })
            {
                hidden.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{HtmlEncoder.Default.Encode(q[name].ToString())}\">");
            }
            var html = $"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local authority: sign in</title></head>
                <body><main><h1>Sign in to the local authority</h1>
                <form method="post" action="{prefix}/oauth2/authorize">{hidden}
                <label for="username">Work account</label> <input id="username" name="username" autocomplete="username">
                <button type="submit">Sign in</button></form></main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });
        app.MapPost(prefix + "/oauth2/authorize", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var username = form["username"].ToString().Trim();
            var redirect = form["redirect_uri"].ToString();
            if (username.Length == 0 || form["client_id"] != ClientId || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
            {
                return Results.BadRequest("Enter a username.");
            }
            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new PendingCode(username, redirect, form["code_challenge"].ToString(), NullIfEmpty(form["nonce"].ToString()), DateTimeOffset.UtcNow.AddMinutes(5));
            SignedIn.Enqueue(username);
            var separator = form["response_mode"] == "query" ? (redirect.Contains('?') ? "&" : "?") : "#";
            var answer = $"code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(form["state"].ToString())}";
            return Results.Redirect(redirect + separator + answer);
        });
        app.MapPost(prefix + "/oauth2/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending) || pending.ExpiresAt < DateTimeOffset.UtcNow ||
                form["redirect_uri"] != pending.RedirectUri || form["client_id"] != ClientId ||
                Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "The code, redirect URI, client or PKCE verifier does not match." }, statusCode: 400);
            }
            var objectId = Guid.NewGuid().ToString();
            var idToken = CreateIdToken(pending.Username, new IdTokenShape { Nonce = pending.Nonce, Jti = Guid.NewGuid().ToString("N"), ObjectId = objectId });
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["scope"] = form["scope"].ToString() is { Length: > 0 } scope ? scope : "openid profile",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = idToken,
                ["id_token"] = idToken,
                // As Entra sends it: the account's object id and tenant, base64url JSON.
                ["client_info"] = Base64UrlEncoder.Encode($"{{\"uid\":\"{objectId}\",\"utid\":\"{TenantId}\"}}"),
            });
        });
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Kestrel needs the private key in a form the platform can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private sealed record PendingCode(string Username, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);
}

/// <summary>What a minted ID token looks like; every null means "as the authority would issue it".</summary>
public sealed class IdTokenShape
{
    public string? Audience { get; init; }
    public string? Issuer { get; init; }
    public string? Nonce { get; init; }
    public string? Jti { get; init; } = Guid.NewGuid().ToString("N");
    public string? ObjectId { get; init; }
    public DateTimeOffset? Now { get; init; }
    public TimeSpan? Lifetime { get; init; }
    /// <summary>Sign with another key (a forged token).</summary>
    public SecurityKey? SigningKey { get; init; }
}
