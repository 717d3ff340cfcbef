using Portal.Core.Features.Accounts;

namespace Portal.LocalHost;

/// <summary>
/// A small but real demo company, written once: running it again changes nothing (fixed ids, create-if-absent).
/// </summary>
public static class DemoData
{
    public sealed record DemoSignIn(string Username, string Password, string Who);

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("anna@northwind.example", "northwind-demo-1", "buyer at Northwind Traders (all products)"),
        new("dan@northwind.example", "northwind-demo-2", "buyer at Northwind Traders in the restricted group (tools and safety only)"),
        new("ben@contoso.example", "contoso-demo-1", "buyer at Contoso Retail"),
        new("carla@fabrikam.example", "fabrikam-demo-1", "buyer at Fabrikam Builders"),
        new("clerk", "staff-demo-1", "supplier's back-office clerk (staff)"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var store = services.GetRequiredService<AccountStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.LocalHost.DemoData");

        var (settings, etag) = await accounts.GetSettingsAsync(cancellationToken);
        if (string.IsNullOrEmpty(settings.CompanyName))
        {
            // Only the first time: a switch a clerk has turned off stays off across restarts.
            await accounts.UpdateSettingsAsync(new SettingsRequest { CompanyName = "Tailspin Supplies Ltd", Currency = "EUR", ExternalAccessEnabled = true },
                string.IsNullOrEmpty(etag) ? null : etag, cancellationToken);
        }

        await accounts.UpsertCounterpartyAsync("northwind", new CounterpartyRequest
        {
            Name = "Northwind Traders", Code = "C-1001", TaxId = "GB123456789", Email = "purchasing@northwind.example",
            Phone = "+44 20 7946 0001", Address = "12 Harbour Road, Bristol BS1 4QA, United Kingdom",
        }, cancellationToken);
        await accounts.UpsertCounterpartyAsync("contoso", new CounterpartyRequest
        {
            Name = "Contoso Retail", Code = "C-1002", TaxId = "DE811907980", Email = "einkauf@contoso.example",
            Phone = "+49 30 5550 1234", Address = "Friedrichstraße 80, 10117 Berlin, Germany",
        }, cancellationToken);
        await accounts.UpsertCounterpartyAsync("fabrikam", new CounterpartyRequest
        {
            Name = "Fabrikam Builders", Code = "C-1003", TaxId = "FR40303265045", Email = "achats@fabrikam.example",
            Phone = "+33 1 55 55 01 02", Address = "7 rue des Artisans, 69002 Lyon, France",
        }, cancellationToken);

        await accounts.UpsertAccessGroupAsync("customers", new AccessGroupRequest { Name = "Customers" }, cancellationToken);
        await accounts.UpsertAccessGroupAsync("tools-and-safety", new AccessGroupRequest
        {
            Name = "Customers — tools and safety only",
            AllowedCategories = ["hand-tools", "power-tools", "safety"],
        }, cancellationToken);

        var users = new (string Id, DemoSignIn SignIn, string DisplayName, string? Counterparty, string? Group, string? JobTitle)[]
        {
            ("demo-anna", SignIns[0], "Anna Schmidt", "northwind", "customers", "Purchasing manager"),
            ("demo-dan", SignIns[1], "Dan Okafor", "northwind", "tools-and-safety", "Site foreman"),
            ("demo-ben", SignIns[2], "Ben Müller", "contoso", "customers", "Buyer"),
            ("demo-carla", SignIns[3], "Carla Rossi", "fabrikam", "customers", "Procurement lead"),
            ("demo-clerk", SignIns[4], "Sam Clerk", null, null, "Sales back office"),
        };
        foreach (var (id, signIn, displayName, counterparty, group, jobTitle) in users)
        {
            if (await store.FindByUsernameAsync(signIn.Username, cancellationToken) is not null)
            {
                continue;
            }
            await accounts.CreateUserAsync(new CreateUserRequest
            {
                Username = signIn.Username,
                Password = signIn.Password,
                DisplayName = displayName,
                Kind = counterparty is null ? UserKind.Staff : UserKind.Customer,
                CounterpartyId = counterparty,
                AccessGroupId = group,
                JobTitle = jobTitle,
                Email = counterparty is null ? "clerk@tailspin.example" : signIn.Username,
            }, id, cancellationToken);
        }
        await DemoCatalog.SeedAsync(services, cancellationToken);
        await DemoReturns.SeedAsync(services, cancellationToken);
        logger.LogInformation("Demo data is in place");
    }
}
