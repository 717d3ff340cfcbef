using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Shared;

namespace Portal.Infra.Tests;

/// <summary>The tables, queues and blob containers the app's features declare, read from the app's own service collection.</summary>
internal static class AppStorageLayout
{
    public static List<string> Declared(StorageResourceKind kind)
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
}
