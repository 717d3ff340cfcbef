using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Shared.Files;

public static class FilesServiceCollectionExtensions
{
    /// <summary>Download links for every container, and the attachments container customers' files go to.</summary>
    public static IServiceCollection AddPortalFiles(this IServiceCollection services)
    {
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<Attachments>();
        services.AddPortalBlobContainers(Attachments.Container);
        return services;
    }
}
