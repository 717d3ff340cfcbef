using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Shared;

// Options classes: every class here with a SectionName is bound from configuration ("Portal:Auth" is
// "Portal__Auth__..." in app settings). Properties marked [Required] must be set by every deployment;
// the others have working defaults. The infrastructure test compares these with the app settings Bicep writes.

public sealed class AuthOptions
{
    public const string SectionName = "Portal:Auth";

    /// <summary>Base64 key (32 bytes or more) that signs session cookies. Rotating it signs everyone out.</summary>
    [Required]
    public string SessionKey { get; set; } = "";

    /// <summary>Absolute session lifetime; the user signs in again afterwards.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long one instance may trust a session it has already checked before reading it again.
    /// Sign-out, disabling a user and switching external access off take effect at once on the instance that
    /// made the change and within this time on the others.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SessionCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed sign-ins in a row after which the account is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(3, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins one client address may make per <see cref="ClientWindow"/> across all accounts.</summary>
    [Range(5, 10_000)]
    public int MaxFailedSignInsPerClient { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many proxies in front of the app append the address they saw to X-Forwarded-For. The client's address
    /// is the entry that many places from the right, the last one a proxy we trust wrote; entries further left
    /// are whatever the client sent and are ignored. 0 (local runs) uses the connection's address.
    /// </summary>
    [Range(0, 5)]
    public int TrustedProxyHops { get; set; }
}

public sealed class EventsOptions
{
    public const string SectionName = "Portal:Events";

    /// <summary>Where integration events go: "ServiceBus" in Azure, "Queue" (a Storage queue) locally.</summary>
    [Required]
    [RegularExpression("^(ServiceBus|Queue)$")]
    public string Sink { get; set; } = "Queue";

    /// <summary>Service Bus namespace host name, e.g. contoso-portal.servicebus.windows.net (Sink=ServiceBus).</summary>
    public string? ServiceBusNamespace { get; set; }

    /// <summary>Service Bus topic (Sink=ServiceBus) or Storage queue (Sink=Queue) that receives the events.</summary>
    [Required]
    public string Destination { get; set; } = "integration-events";
}
