using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Shared;

namespace Portal.Core.Features.Returns;

public static class ReturnsServiceCollectionExtensions
{
    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.AddSingleton<ReturnsStore>();
        services.AddSingleton<Documents.IRmaNumbers>(sp => sp.GetRequiredService<ReturnsStore>());
        services.AddSingleton<RmaService>();
        services.AddPortalTables(ReturnsTables.Returns);
        return services;
    }
}
