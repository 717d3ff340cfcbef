using System.Reflection;
using Portal.Core;
using Portal.Core.Shared;
using Portal.Functions.Shared;

namespace Portal.LocalHost;

public sealed class LocalPortalOptions
{
    /// <summary>Settings applied last, over local settings and environment variables (tests use this).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>More assemblies whose [Function] methods are hosted besides the Function App's (tests add theirs).</summary>
    public List<Assembly> ExtraFunctionAssemblies { get; } = [];

    /// <summary>Addresses to listen on; null means --urls / ASPNETCORE_URLS or http://localhost:7071.</summary>
    public string? Urls { get; set; }

    public bool SeedDemoData { get; set; } = true;

    /// <summary>How often the documents and materials containers are checked for uploads (Event Grid's stand-in).</summary>
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Start Azurite when storage is the development storage and nothing listens on its ports.</summary>
    public bool StartAzurite { get; set; } = true;

    public string? RepositoryRoot { get; set; }

    /// <summary>Replaces host.json's queue settings (tests use a zero visibility timeout to reach the poison queue quickly).</summary>
    public Func<QueueSettings, QueueSettings>? AdjustQueueSettings { get; set; }

    /// <summary>Registrations applied after the portal's own (tests replace a service this way).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>
    /// Check every answer against the function's declared contract ([ApiResponse], [ApiAnonymous]); a broken one
    /// becomes a 500 naming the function, the status and the types. Null: the setting LocalHost:CheckContracts
    /// (Off, Declared or All), else Off. The tests turn it on.
    /// </summary>
    public ContractChecks? CheckContracts { get; set; }
}

/// <summary>
/// The local runner (see docs/architecture.md): an ASP.NET Core app that hosts the Function App's own function
/// classes under /api with the Functions host's rules, runs its queue triggers, serves the front end and seeds
/// demo data. Tests run it in process exactly as a developer runs it from the command line.
/// </summary>
public sealed class LocalPortal : IAsyncDisposable
{
    private readonly Azurite? _azurite;

    private LocalPortal(WebApplication app, Azurite? azurite, IReadOnlyList<FunctionDescriptor> functions, string? settingsFile)
    {
        App = app;
        _azurite = azurite;
        Functions = functions;
        SettingsFile = settingsFile;
    }

    public WebApplication App { get; }
    public IReadOnlyList<FunctionDescriptor> Functions { get; }
    public string? SettingsFile { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>The first address the portal listens on, once started.</summary>
    public Uri BaseAddress => new(App.Urls.First());

    public static async Task<LocalPortal> CreateAsync(string[] args, LocalPortalOptions options, CancellationToken cancellationToken = default)
    {
        var root = options.RepositoryRoot ?? Azurite.FindRepositoryRoot(AppContext.BaseDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });

        // Local settings first, so environment variables and the command line override them, as with the Functions host.
        var (settingsFile, values) = LocalSettings.Load(root);
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var urls = options.Urls ?? builder.Configuration["urls"] ?? "http://localhost:7071";
        builder.WebHost.UseUrls(urls);

        Azurite? azurite = null;
        var connection = builder.Configuration[PortalStorage.ConnectionName];
        if (options.StartAzurite && string.Equals(connection?.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) && !Azurite.IsListening(10000))
        {
            azurite = await Azurite.StartAsync(root, 10000, 10001, 10002, Path.Combine(root, ".azurite"), cancellationToken);
        }

        try
        {
            var functionsAssembly = typeof(HealthFunctions).Assembly;
            var functions = FunctionCatalog.Discover([functionsAssembly, .. options.ExtraFunctionAssemblies],
                name => builder.Configuration[name] ?? throw new InvalidOperationException($"Binding expression %{name}% names a setting that is not set."));
            var hostJson = HostJson.Load(Path.Combine(root, "functions", "Portal.Functions", "host.json"));

            // Before AddPortal, which only adds the system clock when none is there: the demo seeding dates its history.
            builder.Services.AddSingleton<TimeProvider>(DemoClock.Instance);
            builder.Services.AddPortal(builder.Configuration);
            options.ConfigureServices?.Invoke(builder.Services);
            builder.Services.AddSingleton(options.AdjustQueueSettings?.Invoke(hostJson.Queues) ?? hostJson.Queues);
            builder.Services.AddSingleton<IEnumerable<QueueFunction>>(functions.OfType<QueueFunction>().ToList());
            builder.Services.AddHostedService<QueueTriggerRunner>();
            builder.Services.AddSingleton(new WatcherSettings(options.BlobPollInterval));
            builder.Services.AddHostedService<BlobEventWatcher>();
            builder.Services.AddRouting();

            var app = builder.Build();
            app.UseRouting();
            var contractChecks = options.CheckContracts
                                 ?? builder.Configuration.GetValue("LocalHost:CheckContracts", ContractChecks.Off);
            app.MapHttpFunctions(functions.OfType<HttpFunction>(), hostJson.RoutePrefix, contractChecks);
            StaticWeb.Map(app, root, hostJson.RoutePrefix);

            // Tables, queues and containers exist before the first request, and demo data before the first sign-in.
            await app.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
            if (options.SeedDemoData)
            {
                await DemoData.SeedAsync(app.Services, cancellationToken);
            }
            return new LocalPortal(app, azurite, functions, settingsFile);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Stopping a host that never started throws; there is nothing left to stop then.
        }
        await App.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
