using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Core.Shared.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The outbox and the sink chosen by Portal:Events:Sink — Service Bus in Azure, a Storage queue locally.</summary>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services)
    {
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<QueueEventSink>();
        services.AddSingleton<ServiceBusEventSink>();
        services.AddSingleton<IIntegrationEventSink>(sp =>
            sp.GetRequiredService<IOptions<EventsOptions>>().Value.Sink == "ServiceBus"
                ? sp.GetRequiredService<ServiceBusEventSink>()
                : sp.GetRequiredService<QueueEventSink>());
        services.AddPortalQueues(OutboxDispatcher.QueueName);
        services.AddSingleton(sp => new StorageResource(StorageResourceKind.Queue, sp.GetRequiredService<IOptions<EventsOptions>>().Value.Destination));
        return services;
    }
}
