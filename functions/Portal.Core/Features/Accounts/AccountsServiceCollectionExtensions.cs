using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<ICallerResolver>(sp => sp.GetRequiredService<SessionService>());
        services.AddSingleton<ClientThrottle>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<CategoryAccess>();
        services.AddOptions<FederatedSignInOptions>().BindConfiguration(FederatedSignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(FederatedTokenValidator.HttpClientName);
        services.AddSingleton<FederatedTokenValidator>();
        services.AddSingleton<FederatedSignInService>();
        services.AddSingleton<ColleagueService>();
        services.AddPortalTables(AccountsTables.Settings, AccountsTables.Counterparties, AccountsTables.AccessGroups, AccountsTables.Users, AccountsTables.Sessions,
            AccountsTables.UsedTokens);
        return services;
    }
}
