using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;

namespace Portal.Core.Features.Support;

public static class SupportServiceCollectionExtensions
{
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddSingleton<SupportStore>();
        services.AddSingleton<SupportService>();
        // What a request can be about: one resolver per type.
        foreach (var (type, singular) in DocumentLinkResolver.Names)
        {
            services.AddSingleton<ISupportLinkResolver>(sp => new DocumentLinkResolver(type, singular, sp.GetRequiredService<DocumentService>()));
        }
        services.AddSingleton<ISupportLinkResolver, OrderLinkResolver>();
        services.AddSingleton<ISupportLinkResolver, RmaLinkResolver>();
        services.AddSingleton<IDisputeFollowUp, DisputeSupportRequests>();
        services.AddPortalTables(SupportTables.Support);
        return services;
    }
}
