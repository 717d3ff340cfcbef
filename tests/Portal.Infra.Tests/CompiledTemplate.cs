using System.Text.Json.Nodes;

namespace Portal.Infra.Tests;

/// <summary>main.bicep compiled to an ARM template, with the resources of every module flattened into one list.</summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<Task<CompiledTemplate>> Main = new(async () =>
    {
        var result = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        result.AssertClean();
        return new CompiledTemplate(JsonNode.Parse(result.Output)!.AsObject());
    });

    private CompiledTemplate(JsonObject template)
    {
        Template = template;
        Resources = Flatten(template).ToList();
    }

    public static Task<CompiledTemplate> LoadAsync() => Main.Value;

    public JsonObject Template { get; }

    /// <summary>Resources main.bicep and, recursively, the modules (nested deployments) it calls deploy; existing references are left out.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected exactly one {type} in the template, found {matches.Count}.");
        return matches[0];
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject template)
    {
        // Templates with symbolic names (languageVersion 2.0) keep resources in an object, others in an array.
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            // With symbolic names, an "existing" reference is listed beside the resources but deploys nothing.
            if (resource["existing"] is JsonValue existing && existing.TryGetValue<bool>(out var isExisting) && isExisting)
            {
                continue;
            }
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
