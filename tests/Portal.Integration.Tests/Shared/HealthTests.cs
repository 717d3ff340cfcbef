using System.Net;
using Portal.LocalHost;

namespace Portal.Integration.Tests.Shared;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_200_with_the_version_while_storage_answers_and_503_when_it_stops()
    {
        var root = PortalFixture.RepositoryRoot;
        var azurite = await Azurite.StartOnFreePortsAsync(root, dataFolder: null, CancellationToken.None);
        var options = new LocalPortalOptions { RepositoryRoot = root, Urls = "http://127.0.0.1:0", StartAzurite = false, SeedDemoData = false };
        options.Settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        await using var portal = await LocalPortal.CreateAsync([], options);
        await portal.StartAsync();
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        var healthy = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.False(string.IsNullOrEmpty((await healthy.ReadJsonAsync()).GetProperty("version").GetString()));

        await azurite.DisposeAsync();
        var unhealthy = await client.GetAsync("/api/health");

        var problem = await unhealthy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Storage", problem.GetProperty("title").GetString());
    }
}
