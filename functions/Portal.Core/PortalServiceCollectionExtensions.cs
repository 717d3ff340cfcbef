using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Balances;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Support;
using Portal.Core.Features.Returns;
using Portal.Core.Shared.Events;
using Portal.Core.Shared.Files;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The one composition root: the Function App, LocalHost and the tests all call this.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPortalStorage(configuration);
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PortalEndpoint>();
        services.AddIntegrationEvents();
        services.AddPortalFiles();
        services.AddAccounts();
        services.AddCatalog();
        services.AddDocuments();
        services.AddOrdering();
        services.AddSupport();
        services.AddBalances();
        services.AddReturns();
        return services;
    }
}
