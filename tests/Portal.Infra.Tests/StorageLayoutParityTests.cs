using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Shared;

namespace Portal.Infra.Tests;

/// <summary>
/// The tables and queues the template creates are exactly the ones the app's features declare, so a feature that
/// adds a table (or stops using one) fails here until the template follows.
/// </summary>
public sealed class StorageLayoutParityTests
{
    [Fact]
    public async Task The_template_creates_the_tables_the_app_uses_and_no_others()
    {
        var declared = Declared(StorageResourceKind.Table);
        var created = await TemplateListAsync("tableNames");

        Assert.Equal(declared.Order(), created.Order());
    }

    [Fact]
    public async Task The_template_creates_the_queues_the_app_uses_with_their_poison_twins()
    {
        var declared = Declared(StorageResourceKind.Queue).Where(q => !q.EndsWith("-poison", StringComparison.Ordinal));
        var created = await TemplateListAsync("workQueueNames");

        Assert.Equal(declared.Order(), created.Order());
    }

    private static List<string> Declared(StorageResourceKind kind)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Portal:Auth:SessionKey"] = Convert.ToBase64String(new byte[32]),
            ["Portal:Events:Sink"] = "ServiceBus",
            ["Portal:Events:Destination"] = "integration-events",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddPortal(configuration).BuildServiceProvider();
        return provider.GetServices<StorageResource>().Where(r => r.Kind == kind).Select(r => r.Name).Distinct().ToList();
    }

    private static async Task<List<string>> TemplateListAsync(string variable)
    {
        var template = await CompiledTemplate.LoadAsync();
        var values = template.Template["variables"]?[variable] as JsonArray;
        Assert.True(values is not null, $"main.bicep should keep the list '{variable}' as a literal variable.");
        return values!.Select(v => (string)v!).ToList();
    }
}
