using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Infra.Tests;

/// <summary>
/// The resources main.bicepparam would deploy, as "bicep snapshot" predicts them offline: names, resource IDs, scopes
/// and filter values are evaluated for a fixed subscription and resource group, so a test can compare real IDs
/// instead of template expressions. Only what exists after deployment (principal IDs, endpoints) stays an expression.
/// </summary>
internal sealed partial class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string ResourceGroup = "rg-portal-check";
    public const string Location = "westeurope";

    private static readonly Lazy<Task<DeploymentSnapshot>> Main = new(async () =>
    {
        // The CLI writes main.snapshot.json beside the parameter file; a copy keeps the working tree clean.
        var directory = Directory.CreateTempSubdirectory("bicep-snapshot-");
        try
        {
            CopyDirectory(BicepCli.BicepDirectory, directory.FullName);
            var parameters = Path.Combine(directory.FullName, "main.bicepparam");
            var result = await BicepCli.RunAsync(
                "snapshot", parameters, "--mode", "overwrite",
                "--subscription-id", SubscriptionId, "--resource-group", ResourceGroup, "--location", Location);
            result.AssertClean();
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "main.snapshot.json")))!.AsObject();
            return new DeploymentSnapshot(snapshot);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    });

    private DeploymentSnapshot(JsonObject snapshot)
    {
        Resources = (snapshot["predictedResources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    public static Task<DeploymentSnapshot> LoadAsync() => Main.Value;

    public IReadOnlyList<JsonObject> Resources { get; }

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected exactly one {type} in the snapshot, found {matches.Count}.");
        return matches[0];
    }

    public bool Contains(string resourceId) =>
        Resources.Any(r => string.Equals((string?)r["id"], resourceId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The role assignments whose principal is the identity of <paramref name="resourceId"/> (known only after deployment).</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignmentsOf(string resourceId) =>
        OfType("Microsoft.Authorization/roleAssignments")
            .Select(RoleAssignment.From)
            .Where(a => a.PrincipalExpression.Contains($"reference('{resourceId}'", StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>[^']+)', 'Microsoft\.Authorization/roleAssignments',")]
    private static partial Regex ExtensionResourceId();

    /// <summary>One role assignment: the resource it is scoped to, the role's GUID and how its name and principal are written.</summary>
    internal sealed record RoleAssignment(string Scope, string RoleId, string Name, string PrincipalExpression)
    {
        public static RoleAssignment From(JsonObject resource)
        {
            var id = (string?)resource["id"] ?? "";
            var match = ExtensionResourceId().Match(id);
            var scope = match.Success
                ? match.Groups["scope"].Value
                : id[..Math.Max(0, id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase))];
            var roleDefinitionId = (string?)resource["properties"]?["roleDefinitionId"] ?? "";
            return new RoleAssignment(
                scope,
                roleDefinitionId[(roleDefinitionId.LastIndexOf('/') + 1)..],
                (string?)resource["name"] ?? "",
                (string?)resource["properties"]?["principalId"] ?? "");
        }

        /// <summary>guid(scope, principal, role), the naming every role assignment in the templates follows.</summary>
        public bool IsNamedFromScopePrincipalAndRole =>
            PrincipalExpression.StartsWith('[') && PrincipalExpression.EndsWith(']') &&
            Name == $"[guid('{Scope}', {PrincipalExpression[1..^1]}, '{RoleId}')]";
    }
}
