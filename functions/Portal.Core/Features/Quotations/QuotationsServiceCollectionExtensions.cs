using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Shared;

namespace Portal.Core.Features.Quotations;

public static class QuotationsServiceCollectionExtensions
{
    public static IServiceCollection AddQuotations(this IServiceCollection services)
    {
        services.AddSingleton<QuotationService>();
        services.AddPortalTables(QuotationService.TableName);
        return services;
    }
}
