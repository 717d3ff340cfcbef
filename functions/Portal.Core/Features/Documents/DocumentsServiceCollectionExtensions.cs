using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Shared;

namespace Portal.Core.Features.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<SupplierFiles>();
        services.AddSingleton<MaterialService>();
        services.AddPortalTables(DocumentsTables.Documents);
        services.AddPortalBlobContainers(DocumentsTables.DocumentsContainer, DocumentsTables.MaterialsContainer);
        services.AddPortalQueues(DocumentsTables.BlobEventsQueue);
        return services;
    }
}
