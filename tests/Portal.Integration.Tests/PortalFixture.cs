using Portal.LocalHost;

namespace Portal.Integration.Tests;

/// <summary>
/// A real Azurite (random ports, in memory) and the portal running in process through LocalHost on a random
/// loopback port, exactly as `dotnet run` runs it, plus the test assembly's own functions.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private Azurite? _azurite;
    private LocalPortal? _portal;

    public LocalPortal Portal => _portal ?? throw new InvalidOperationException("The portal has not started.");
    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");
    public Uri BaseAddress => Portal.BaseAddress;

    public static string RepositoryRoot { get; } = Azurite.FindRepositoryRoot(AppContext.BaseDirectory);

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(RepositoryRoot, Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), dataFolder: null, CancellationToken.None);
        var options = new LocalPortalOptions
        {
            RepositoryRoot = RepositoryRoot,
            Urls = "http://127.0.0.1:0",
            StartAzurite = false,
            SeedDemoData = true,
            // A failed test message is retried at once instead of after host.json's 5 s, so poison tests are quick.
            AdjustQueueSettings = q => q with { VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) },
        };
        options.Settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        options.ExtraFunctionAssemblies.Add(typeof(PortalFixture).Assembly);
        _portal = await LocalPortal.CreateAsync([], options);
        await _portal.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public PortalClient CreateClient() => new(BaseAddress);

    public async Task<PortalClient> SignInAsync(string username, string password)
    {
        var client = CreateClient();
        await client.SignInAsync(username, password);
        return client;
    }

    public Task<PortalClient> SignInAsStaffAsync() => SignInAsync("clerk", "staff-demo-1");

    /// <summary>A fresh customer user of its own, so a test can lock, disable or re-password it without touching others.</summary>
    public async Task<TestUser> CreateCustomerAsync(string counterpartyId = "northwind", string? accessGroupId = "customers")
    {
        using var staff = await SignInAsStaffAsync();
        var username = "user-" + Guid.NewGuid().ToString("N")[..12] + "@test.example";
        var password = "correct horse " + Guid.NewGuid().ToString("N")[..8];
        var created = await staff.PostJsonAsync("/api/manage/users", new
        {
            username, password, displayName = "Test User", kind = "customer", counterpartyId, accessGroupId,
        });
        created.EnsureSuccessStatusCode();
        var body = await created.ReadJsonAsync();
        return new TestUser(body.GetProperty("id").GetString()!, username, password);
    }
}

public sealed record TestUser(string Id, string Username, string Password);

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
