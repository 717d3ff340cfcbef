using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.LocalAuthority;
using Portal.LocalHost;

namespace Portal.E2E.Tests;

/// <summary>
/// The whole portal as a person meets it: a real Azurite (random ports, in memory), LocalHost in process on a
/// random loopback port serving the built front end and the API with demo data, and Debian's headless Chromium.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    // No browser can be downloaded here, so Playwright drives the distribution's Chromium.
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private Azurite? _azurite;
    private LocalPortal? _portal;
    private LocalOidcAuthority? _authority;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string RepositoryRoot { get; } = Azurite.FindRepositoryRoot(AppContext.BaseDirectory);

    public Uri BaseAddress => (_portal ?? throw new InvalidOperationException("The portal has not started.")).BaseAddress;
    /// <summary>The work-account authority the sign-in page offers (HTTPS on 127.0.0.1 with a certificate made at start).</summary>
    public LocalOidcAuthority Authority => _authority ?? throw new InvalidOperationException("The authority has not started.");

    /// <summary>The portal's services, for scenarios that prepare data as staff would.</summary>
    public IServiceProvider Services => (_portal ?? throw new InvalidOperationException("The portal has not started.")).Services;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The storage account behind the portal, for scenarios that upload a file as the supplier's tools would.</summary>
    public string StorageConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync()
    {
        var dist = Path.Combine(RepositoryRoot, "static-web", "dist", "index.html");
        if (!File.Exists(dist))
        {
            throw new InvalidOperationException("The front end is not built (static-web/dist). ./test.sh builds it; or run `npm run build` in static-web.");
        }
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. ./test.sh installs it (apt-get install chromium).");
        }

        _azurite = await Azurite.StartOnFreePortsAsync(RepositoryRoot, dataFolder: null, CancellationToken.None);
        _authority = await LocalOidcAuthority.StartAsync();
        var authority = _authority;
        var options = new LocalPortalOptions
        {
            RepositoryRoot = RepositoryRoot,
            Urls = "http://127.0.0.1:0",
            StartAzurite = false,
            SeedDemoData = true,
            // Every answer of an annotated function must be one it declares, so the OpenAPI document stays true.
            CheckContracts = ContractChecks.All,
        };
        options.Settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        options.Settings["Portal:Federation:Authority"] = authority.Authority;
        options.Settings["Portal:Federation:ClientId"] = authority.ClientId;
        options.ConfigureServices = services =>
            services.AddHttpClient(global::Portal.Core.Features.Accounts.FederatedTokenValidator.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = authority.TrustsItsCertificate });
        _portal = await LocalPortal.CreateAsync([], options);
        await _portal.StartAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
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
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EFixture>
{
    // One browser and one portal for all scenarios; they run one after another, like one person would.
    public const string Name = "browser";
}
