using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Features.Accounts;

/// <summary>
/// Sign-in with a work account for username-only users (Microsoft Entra External ID or any OpenID Connect
/// authority). Without an <see cref="Authority"/> the portal offers password sign-in only.
/// </summary>
public sealed class FederatedSignInOptions : IValidatableObject
{
    public const string SectionName = "Portal:Federation";

    /// <summary>
    /// The authority whose ID tokens are accepted, tenant-specific, e.g. https://contoso.ciamlogin.com/{tenant id}/v2.0.
    /// Its discovery document ({authority}/.well-known/openid-configuration) names the issuer and the signing keys.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's application (client) id: the audience every accepted ID token must name.</summary>
    public string? ClientId { get; set; }

    /// <summary>The claim that is matched to the portal username: preferred_username, email or oid.</summary>
    [RegularExpression("^(preferred_username|email|oid)$")]
    public string UsernameClaim { get; set; } = "preferred_username";

    /// <summary>Allowed difference between the authority's clock and ours when checking a token's lifetime.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The discovery document's address (none while no authority is configured; the options are also read by reflection).</summary>
    public string? MetadataAddress => IsConfigured ? Authority!.TrimEnd('/') + "/.well-known/openid-configuration" : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            yield return new ValidationResult("Authority must be an https address (plain http only on this machine).", [nameof(Authority)]);
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("ClientId is required when an Authority is set.", [nameof(ClientId)]);
        }
    }
}
