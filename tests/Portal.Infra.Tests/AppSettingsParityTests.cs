using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Portal.Core.Shared;

namespace Portal.Infra.Tests;

/// <summary>
/// The app settings the template gives the Function App and the configuration keys the app reads are the same
/// set. A missing required setting stops the app on start in Azure only; a setting no code reads is a typo
/// or a leftover. Both are caught here, before a deployment.
/// </summary>
public sealed class AppSettingsParityTests
{
    /// <summary>
    /// Settings that the Functions host or the platform reads rather than the app's options classes.
    /// Keep this list short: a key belongs here only when no Portal.Core options class can own it.
    /// </summary>
    private static readonly HashSet<string> HostOwnedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    };

    /// <summary>
    /// Identity-based storage connection, read by the Functions host (triggers, leases) and by the app's own
    /// storage clients (PortalStorage) alike. A plain AzureWebJobsStorage connection string is not allowed:
    /// shared keys are disabled on the account.
    /// </summary>
    private static readonly HashSet<string> StorageIdentityKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        $"{PortalStorage.ConnectionName}__blobServiceUri",
        $"{PortalStorage.ConnectionName}__queueServiceUri",
        $"{PortalStorage.ConnectionName}__tableServiceUri",
        $"{PortalStorage.ConnectionName}__credential",
        $"{PortalStorage.ConnectionName}__clientId",
    };

    [Fact]
    public void Options_classes_are_found()
    {
        // If discovery silently found nothing, every parity check below would pass.
        var options = OptionKey.All();

        Assert.Contains(options, o => o.Key == "Portal__Auth__SessionKey" && o.Required);
        Assert.Contains(options, o => o.Key == "Portal__Events__Destination" && o.Required);
        Assert.Contains(options, o => o.Key == "Portal__Events__ServiceBusNamespace" && !o.Required);
    }

    [Fact]
    public async Task Every_required_option_is_set_by_the_template()
    {
        var settings = await AppSettingsAsync();

        var missing = OptionKey.All().Where(o => o.Required && !settings.ContainsKey(o.Key)).Select(o => o.Key).ToList();

        Assert.True(missing.Count == 0, $"Required options with no app setting in the Function App module: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_Portal_setting_in_the_template_is_an_options_property()
    {
        var options = OptionKey.All();
        var settings = await AppSettingsAsync();

        var unknown = settings.Keys
            .Where(k => k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase))
            .Where(k => !options.Any(o => o.Matches(k)))
            .ToList();

        Assert.True(unknown.Count == 0, $"App settings that no options property in Portal.Core reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public async Task Every_other_setting_is_read_by_the_host()
    {
        var settings = await AppSettingsAsync();

        var unknown = settings.Keys
            .Where(k => !k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase))
            .Where(k => !HostOwnedKeys.Contains(k) && !StorageIdentityKeys.Contains(k))
            .ToList();

        Assert.True(
            unknown.Count == 0,
            $"App settings that are neither Portal options, identity-based storage settings nor on the host-owned list: {string.Join(", ", unknown)}");
    }

    [Fact]
    public async Task Storage_is_reached_with_the_managed_identity()
    {
        var settings = await AppSettingsAsync();

        Assert.All(StorageIdentityKeys, key => Assert.True(settings.ContainsKey(key), $"Missing app setting {key}"));
        Assert.Equal("managedidentity", settings[$"{PortalStorage.ConnectionName}__credential"]);
    }

    [Fact]
    public async Task Session_key_is_a_Key_Vault_reference()
    {
        var settings = await AppSettingsAsync();

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Portal__Auth__SessionKey"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_go_to_Service_Bus()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("ServiceBus", settings["Portal__Events__Sink"]);
        Assert.True(settings.ContainsKey("Portal__Events__ServiceBusNamespace"), "The ServiceBus sink needs the namespace host name.");
    }

    /// <summary>App setting name → value (literal or ARM expression) of the one Function App in the template.</summary>
    private static async Task<Dictionary<string, string>> AppSettingsAsync()
    {
        var template = await CompiledTemplate.LoadAsync();
        var site = template.Single("Microsoft.Web/sites");
        var appSettings = site["properties"]?["siteConfig"]?["appSettings"];
        Assert.True(
            appSettings is JsonArray,
            "siteConfig.appSettings must be a literal list in the template so that its names can be checked, not an expression.");

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in ((JsonArray)appSettings!).OfType<JsonObject>())
        {
            var name = (string?)setting["name"] ?? "";
            Assert.False(name.StartsWith('['), $"App setting name '{name}' is an expression; write names literally.");
            Assert.True(settings.TryAdd(name, setting["value"]?.ToString() ?? ""), $"App setting {name} is set twice.");
        }
        return settings;
    }

    /// <summary>One configuration key the app binds: SectionName with ':' as '__', then '__' and the property name.</summary>
    private sealed record OptionKey(string Key, bool Required, bool IsScalar)
    {
        /// <summary>Every public class in Portal.Core with a SectionName constant is an options class.</summary>
        public static IReadOnlyList<OptionKey> All() =>
            typeof(PortalStorage).Assembly.GetExportedTypes()
                .Where(t => t.IsClass)
                .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
                .Where(x => x.Section is { IsLiteral: true } && x.Section.FieldType == typeof(string))
                .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
                    .Select(p => new OptionKey(
                        $"{((string)x.Section!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal)}__{p.Name}",
                        p.IsDefined(typeof(RequiredAttribute)),
                        IsScalarType(p.PropertyType))))
                .ToList();

        /// <summary>A scalar is one setting; an object or list property is bound from keys below it.</summary>
        public bool Matches(string setting) =>
            string.Equals(setting, Key, StringComparison.OrdinalIgnoreCase) ||
            (!IsScalar && setting.StartsWith(Key + "__", StringComparison.OrdinalIgnoreCase));

        private static bool IsScalarType(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
                   type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(DateTime) ||
                   type == typeof(Guid) || type == typeof(Uri);
        }
    }
}
