using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Shared;

namespace Portal.Core.Features.Ordering;

public static class OrderingServiceCollectionExtensions
{
    public static IServiceCollection AddOrdering(this IServiceCollection services)
    {
        services.AddSingleton<OrderingStore>();
        services.AddSingleton<Documents.IOrderNumbers>(sp => sp.GetRequiredService<OrderingStore>());
        services.AddSingleton<CartService>();
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<OrderDesk>();
        services.TryAddSingleton<IOrderFaults, NoOrderFaults>();
        services.AddSingleton<ProductListsService>();
        services.TryAddSingleton<ICheckoutFaults, NoCheckoutFaults>();
        services.AddPortalTables(OrderingTables.Orders);
        services.AddPortalQueues(CheckoutService.QueueName);
        return services;
    }
}
