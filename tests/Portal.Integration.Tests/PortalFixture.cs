using Microsoft.Extensions.DependencyInjection;
using Portal.LocalAuthority;
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
    private LocalOidcAuthority? _authority;

    /// <summary>The OpenID Connect authority the portal accepts work-account ID tokens from.</summary>
    public LocalOidcAuthority Authority => _authority ?? throw new InvalidOperationException("The authority has not started.");

    public LocalPortal Portal => _portal ?? throw new InvalidOperationException("The portal has not started.");
    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");
    public Uri BaseAddress => Portal.BaseAddress;

    public static string RepositoryRoot { get; } = Azurite.FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>Crashes the checkout worker at a chosen step, once, for checkouts with a chosen customer reference.</summary>
    public TestCheckoutFaults Faults { get; } = new();

    /// <summary>Crashes an order write at a chosen step, once, for an order with a chosen id.</summary>
    public TestOrderFaults OrderFaults { get; } = new();

    /// <summary>Crashes the ledger worker at a chosen step, once, for an entry with a chosen number.</summary>
    public TestLedgerFaults LedgerFaults { get; } = new();

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartOnFreePortsAsync(RepositoryRoot, dataFolder: null, CancellationToken.None);
        _authority = await LocalOidcAuthority.StartAsync();
        var authority = _authority;
        var options = new LocalPortalOptions
        {
            RepositoryRoot = RepositoryRoot,
            Urls = "http://127.0.0.1:0",
            StartAzurite = false,
            SeedDemoData = true,
            // A failed test message is retried at once instead of after host.json's 5 s, so poison tests are quick.
            AdjustQueueSettings = q => q with { VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) },
            // Every answer of an annotated function must be one it declares, so the OpenAPI document stays true.
            CheckContracts = ContractChecks.All,
        };
        options.Settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        // As behind Azure's front end: the last X-Forwarded-For entry is the client's address. Tests that send
        // none share the connection's address.
        options.Settings["Portal:Auth:TrustedProxyHops"] = "1";
        options.Settings["Portal:Federation:Authority"] = authority.Authority;
        options.Settings["Portal:Federation:ClientId"] = authority.ClientId;
        options.ExtraFunctionAssemblies.Add(typeof(PortalFixture).Assembly);
        options.ConfigureServices = services =>
        {
            // The local authority's certificate is made at start; the portal trusts exactly that one.
            services.AddHttpClient(global::Portal.Core.Features.Accounts.FederatedTokenValidator.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = authority.TrustsItsCertificate });
            services.AddSingleton<Portal.Core.Features.Ordering.ICheckoutFaults>(Faults);
            services.AddSingleton<Portal.Core.Features.Balances.ILedgerFaults>(LedgerFaults);
            services.AddSingleton<Portal.Core.Features.Ordering.IOrderFaults>(OrderFaults);
        };
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
        if (_authority is not null)
        {
            await _authority.DisposeAsync();
        }
    }

    public PortalClient CreateClient() => new(BaseAddress);

    public async Task<PortalClient> SignInAsync(string username, string password)
    {
        var client = CreateClient();
        await client.SignInAsync(username, password);
        return client;
    }

    /// <summary>A username-only customer user (no password): it signs in with a work account only.</summary>
    public async Task<TestUser> CreateUsernameOnlyCustomerAsync(string counterpartyId = "northwind", string? accessGroupId = "customers")
    {
        using var staff = await SignInAsStaffAsync();
        var username = "work-" + Guid.NewGuid().ToString("N")[..12] + "@test.example";
        var created = await staff.PostJsonAsync("/api/manage/users", new { username, displayName = "Work Account User", kind = "customer", counterpartyId, accessGroupId });
        created.EnsureSuccessStatusCode();
        return new TestUser((await created.ReadJsonAsync()).GetProperty("id").GetString()!, username, "");
    }

    public Task<PortalClient> SignInAsStaffAsync() => SignInAsync("clerk", "staff-demo-1");

    /// <summary>A counterparty of its own with one buyer, so a test's orders and numbers are not mixed with others'.</summary>
    public async Task<TestUser> CreateCounterpartyWithBuyerAsync(string? accessGroupId = "customers")
    {
        var counterpartyId = "cp-" + Guid.NewGuid().ToString("N")[..10];
        using (var staff = await SignInAsStaffAsync())
        {
            (await staff.PutJsonAsync($"/api/manage/counterparties/{counterpartyId}", new { name = "Test Customer " + counterpartyId })).EnsureSuccessStatusCode();
        }
        return await CreateCustomerAsync(counterpartyId, accessGroupId);
    }

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

public sealed class TestCheckoutFaults : Portal.Core.Features.Ordering.ICheckoutFaults
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _armed = new();

    /// <summary>The next time a checkout with this reference reaches the step, the worker throws as if it died.</summary>
    public void CrashOnce(string customerReference, string step) => _armed[customerReference] = step;

    public void At(string step, Portal.Core.Features.Ordering.CheckoutEntity checkout)
    {
        if (checkout.CustomerReference is { } reference && _armed.TryGetValue(reference, out var armed) && armed == step && _armed.TryRemove(reference, out _))
        {
            throw new InvalidOperationException($"Simulated crash at {step}.");
        }
    }
}

public sealed class TestOrderFaults : Portal.Core.Features.Ordering.IOrderFaults
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _armed = new();

    public void CrashOnce(string orderId, string step) => _armed[orderId] = step;

    public void At(string step, Portal.Core.Features.Ordering.OrderEntity order)
    {
        if (_armed.TryGetValue(order.OrderId, out var armed) && armed == step && _armed.TryRemove(order.OrderId, out _))
        {
            throw new InvalidOperationException($"Simulated crash at {step}.");
        }
    }
}

public sealed class TestLedgerFaults : Portal.Core.Features.Balances.ILedgerFaults
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _armed = new();

    public void CrashOnce(string number, string step) => _armed[number] = step;

    public void At(string step, Portal.Core.Features.Balances.LedgerTerms? terms)
    {
        if (terms is not null && _armed.TryGetValue(terms.Number, out var armed) && armed == step && _armed.TryRemove(terms.Number, out _))
        {
            throw new InvalidOperationException($"Simulated crash at {step}.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
