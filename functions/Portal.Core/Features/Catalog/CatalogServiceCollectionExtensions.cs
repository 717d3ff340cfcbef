using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Shared;

namespace Portal.Core.Features.Catalog;

public static class CatalogServiceCollectionExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<CatalogAdminService>();
        services.AddPortalTables(CatalogTables.Catalog);
        return services;
    }
}
