using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Shared;

namespace Portal.Infra.Tests;

/// <summary>
/// The tables, queues and blob containers the template creates are exactly the ones the app's features declare, so a
/// feature that adds one (or stops using one) fails here until the template follows.
/// </summary>
public sealed partial class StorageLayoutParityTests
{
    [Fact]
    public async Task The_template_creates_the_tables_the_app_uses_and_no_others()
    {
        var declared = AppStorageLayout.Declared(StorageResourceKind.Table);
        var created = await TemplateListAsync("tableNames");

        Assert.Equal(declared.Order(), created.Order());
    }

    [Fact]
    public async Task The_template_creates_the_queues_the_app_uses_with_their_poison_twins()
    {
        var declared = AppStorageLayout.Declared(StorageResourceKind.Queue).Where(q => !q.EndsWith("-poison", StringComparison.Ordinal));
        var created = await TemplateListAsync("workQueueNames");

        Assert.Equal(declared.Order(), created.Order());
    }

    [Fact]
    public async Task The_template_lists_the_blob_containers_the_app_uses_and_no_others()
    {
        // containerNames is the app's list; the platform's own containers (deployment package, dead letters) are
        // added where main.bicep calls the storage module.
        var declared = AppStorageLayout.Declared(StorageResourceKind.BlobContainer);
        var created = await TemplateListAsync("containerNames");

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(), created.Order());
    }

    [Fact]
    public async Task Every_declared_table_queue_and_container_is_deployed()
    {
        // The lists above are only names in main.bicep; this checks they reach the storage module.
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var account = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!;

        var expected = AppStorageLayout.Declared(StorageResourceKind.Table).Select(t => $"{account}/tableServices/default/tables/{t}")
            .Concat(AppStorageLayout.Declared(StorageResourceKind.Queue).Select(q => $"{account}/queueServices/default/queues/{q}"))
            .Concat(AppStorageLayout.Declared(StorageResourceKind.BlobContainer).Select(c => $"{account}/blobServices/default/containers/{c}"));

        Assert.All(expected, id => Assert.True(snapshot.Contains(id), $"{id} is not deployed."));
    }

    /// <summary>A list variable of main.bicep; an element may name another variable that holds one string.</summary>
    private static async Task<List<string>> TemplateListAsync(string variable)
    {
        var template = await CompiledTemplate.LoadAsync();
        var variables = template.Template["variables"]?.AsObject();
        var values = variables?[variable] as JsonArray;
        Assert.True(values is not null, $"main.bicep should keep the list '{variable}' as a literal variable.");
        return values!.Select(v =>
        {
            var value = (string)v!;
            var reference = VariableReference().Match(value);
            if (!reference.Success)
            {
                Assert.False(value.StartsWith('['), $"'{variable}' holds the expression {value}; use literals or variables that hold literals.");
                return value;
            }
            var target = variables![reference.Groups["name"].Value];
            Assert.True(target is JsonValue named && named.TryGetValue<string>(out var text) && !text.StartsWith('['),
                $"'{variable}' refers to {value}, which is not a literal string.");
            return (string)target!;
        }).ToList();
    }

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
