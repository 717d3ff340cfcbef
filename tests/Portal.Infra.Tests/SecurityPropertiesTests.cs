using System.Text.Json.Nodes;

namespace Portal.Infra.Tests;

/// <summary>Security settings read from the compiled template, so a change in any module cannot drop them unnoticed.</summary>
public sealed class SecurityPropertiesTests
{
    [Fact]
    public async Task Storage_accepts_only_Entra_ID_over_TLS_1_2_and_nothing_public()
    {
        var storage = Properties(await ResourceAsync("Microsoft.Storage/storageAccounts"));

        AssertValue(storage, "allowSharedKeyAccess", false);
        AssertValue(storage, "allowBlobPublicAccess", false);
        AssertValue(storage, "supportsHttpsTrafficOnly", true);
        AssertValue(storage, "minimumTlsVersion", "TLS1_2");
    }

    [Fact]
    public async Task Blob_containers_are_private()
    {
        var template = await CompiledTemplate.LoadAsync();
        var containers = template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.NotEmpty(containers);
        Assert.All(containers, c => AssertValue(Properties(c), "publicAccess", "None"));
    }

    [Fact]
    public async Task Key_Vault_uses_RBAC_and_keeps_deleted_secrets()
    {
        var vault = Properties(await ResourceAsync("Microsoft.KeyVault/vaults"));

        AssertValue(vault, "enableRbacAuthorization", true);
        AssertValue(vault, "enableSoftDelete", true);
        AssertValue(vault, "enablePurgeProtection", true);
    }

    [Fact]
    public async Task Integration_topic_drops_duplicate_events()
    {
        var topic = Properties(await ResourceAsync("Microsoft.ServiceBus/namespaces/topics"));

        AssertValue(topic, "requiresDuplicateDetection", true);
    }

    [Fact]
    public async Task Service_Bus_and_Application_Insights_accept_no_keys()
    {
        AssertValue(Properties(await ResourceAsync("Microsoft.ServiceBus/namespaces")), "disableLocalAuth", true);
        AssertValue(Properties(await ResourceAsync("Microsoft.Insights/components")), "DisableLocalAuth", true);
    }

    [Fact]
    public async Task Function_App_is_https_only_and_runs_as_its_user_assigned_identity()
    {
        var site = await ResourceAsync("Microsoft.Web/sites");
        var properties = Properties(site);

        AssertValue(properties, "httpsOnly", true);
        Assert.Equal("UserAssigned", (string?)site["identity"]?["type"]);
        Assert.Equal("FlexConsumption", (string?)(await ResourceAsync("Microsoft.Web/serverfarms"))["sku"]?["tier"]);
        Assert.Equal("dotnet-isolated", (string?)properties["functionAppConfig"]?["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)properties["functionAppConfig"]?["runtime"]?["version"]);
    }

    [Fact]
    public async Task No_key_or_connection_string_is_read_anywhere()
    {
        // Identity-based connections only: listKeys and friends would copy a secret into the deployment.
        var text = (await CompiledTemplate.LoadAsync()).Template.ToJsonString();

        foreach (var function in new[] { "listKeys(", "listConnectionStrings(", "listSecrets(", "listAuthKeys(" })
        {
            Assert.DoesNotContain(function, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Role_assignment_names_are_derived_from_scope_principal_and_role()
    {
        var template = await CompiledTemplate.LoadAsync();
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a["name"]));
    }

    [Fact]
    public async Task Outputs_hold_no_secure_values()
    {
        var template = await CompiledTemplate.LoadAsync();
        var outputs = template.Template["outputs"]!.AsObject();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, o =>
        {
            Assert.DoesNotContain("secure", (string?)o.Value!["type"] ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("parameters('sessionKey')", o.Value!["value"]?.ToString() ?? "", StringComparison.Ordinal);
        });
    }

    private static async Task<JsonObject> ResourceAsync(string type) => (await CompiledTemplate.LoadAsync()).Single(type);

    private static JsonObject Properties(JsonObject resource) =>
        resource["properties"] as JsonObject ?? throw new Xunit.Sdk.XunitException($"{resource["type"]} has no properties.");

    private static void AssertValue(JsonObject properties, string name, bool expected)
    {
        var node = properties[name];
        Assert.True(
            node is JsonValue value && value.TryGetValue<bool>(out var actual) && actual == expected,
            $"Expected {name} to be the literal {expected.ToString().ToLowerInvariant()}, found {node?.ToJsonString() ?? "nothing"}.");
    }

    private static void AssertValue(JsonObject properties, string name, string expected)
    {
        var node = properties[name];
        Assert.True(
            node is JsonValue value && value.TryGetValue<string>(out var actual) && actual == expected,
            $"Expected {name} to be '{expected}', found {node?.ToJsonString() ?? "nothing"}.");
    }
}
