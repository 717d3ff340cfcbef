using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Shared;

namespace Portal.Core.Features.Balances;

public static class BalancesServiceCollectionExtensions
{
    public static IServiceCollection AddBalances(this IServiceCollection services)
    {
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<Documents.IDocumentLedger>(sp => sp.GetRequiredService<LedgerService>());
        services.AddSingleton<BalanceService>();
        services.TryAddSingleton<ILedgerFaults, NoLedgerFaults>();
        services.AddPortalTables(BalancesTables.Ledger);
        services.AddPortalQueues(BalancesTables.LedgerQueue);
        return services;
    }
}
