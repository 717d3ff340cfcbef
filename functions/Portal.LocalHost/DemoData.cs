using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.LocalHost;

/// <summary>
/// A small but real demo company, written once: running it again changes nothing (fixed ids, create-if-absent).
/// </summary>
public static class DemoData
{
    public sealed record DemoSignIn(string Username, string Password, string Who);

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("anna@northwind.example", "northwind-demo-1", "buyer at Northwind Traders (all products), administrator of its colleagues"),
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

        if ((await accounts.GetSupplierContactsAsync(cancellationToken)).Phone is null)
        {
            await accounts.UpdateSupplierContactsAsync(new SupplierContactsRequest
            {
                Address = "Unit 4, Tyseley Industrial Estate, Birmingham B11 2AA, United Kingdom", Phone = "+44 121 496 0000",
                Email = "sales@tailspin.example", Hours = "Monday to Friday, 8:00–17:00",
            }, WriteCondition.Any, cancellationToken);
        }
        await accounts.UpsertCounterpartyAsync("northwind", new CounterpartyRequest
        {
            Name = "Northwind Traders", Code = "C-1001", TaxId = "GB123456789", Email = "purchasing@northwind.example",
            Phone = "+44 20 7946 0001", Address = "12 Harbour Road, Bristol BS1 4QA, United Kingdom",
            ManagerName = "Priya Natarajan", ManagerEmail = "priya.natarajan@tailspin.example", ManagerPhone = "+44 121 496 0123",
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
        // Anna administers Northwind's colleagues (Account → Colleagues) within the two groups the supplier allows it.
        var colleagues = services.GetRequiredService<ColleagueService>();
        var clerkCaller = new Portal.Core.Shared.Http.Caller(Portal.Core.Shared.Http.CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");
        if ((await colleagues.GetAllowedGroupsAsync("northwind", cancellationToken)).AccessGroups.Count == 0)
        {
            await colleagues.SetAllowedGroupsAsync(clerkCaller, "northwind", new AllowedGroupsRequest { AccessGroupIds = ["customers", "tools-and-safety"] }, cancellationToken);
        }
        if (await store.GetUserAsync("demo-anna", cancellationToken) is { CompanyAdministrator: false } anna)
        {
            await accounts.UpdateUserAsync(anna.UserId, new UpdateUserRequest
            {
                DisplayName = anna.DisplayName, Disabled = anna.Disabled, AccessGroupId = anna.AccessGroupId, Email = anna.Email, Phone = anna.Phone,
                JobTitle = anna.JobTitle, CompanyAdministrator = true,
            }, anna.ETag.ToString(), cancellationToken, clerkCaller);
        }
        await DemoCatalog.SeedAsync(services, cancellationToken);
        await DemoSupport.SeedAsync(services, cancellationToken);
        await SeedPaymentsAsync(services, cancellationToken);
        await DemoReturns.SeedAsync(services, cancellationToken);
        logger.LogInformation("Demo data is in place");
    }

    /// <summary>
    /// Northwind's payments, so its balance reports show something real: the paid invoice paid in full, half of the partly
    /// paid one, an advance, and the refund of its refunded credit note. Posted by number, so every start posts them once.
    /// </summary>
    private static async Task SeedPaymentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<Portal.Core.Features.Documents.DocumentService>();
        var ledger = services.GetRequiredService<Portal.Core.Features.Balances.LedgerService>();
        var clerk = new Portal.Core.Shared.Http.Caller(Portal.Core.Shared.Http.CallerKind.Staff, "demo-clerk", "clerk", null, null, "", "");
        var northwind = clerk.ScopeFor("northwind");
        async Task<Portal.Core.Features.Documents.DocumentView?> Invoice(string number)
        {
            try
            {
                return await documents.GetAsync(northwind, "invoices", Portal.Core.Features.Documents.DocumentKeys.Id("northwind", "invoices", number), cancellationToken);
            }
            catch (Portal.Core.Shared.PortalProblemException)
            {
                return null;
            }
        }
        async Task Pay(string number, DateOnly date, decimal amount, string? invoice, Portal.Core.Features.Balances.PaymentKind kind = default) =>
            await ledger.PostPaymentAsync(northwind, number, new Portal.Core.Features.Balances.PaymentRequest
            {
                Date = date, Amount = amount, InvoiceNumber = invoice, Kind = kind,
            }, clerk.Username, cancellationToken);
        // The demo's orders and invoices are dated when the demo is first seeded, so its payments are too.
        if (await Invoice("INV-2026-0001") is { } paid)
        {
            await Pay("PAY-2026-0001", paid.Date, paid.Total.Amount, paid.Number);
        }
        if (await Invoice("INV-2026-0003") is { } partly)
        {
            await Pay("PAY-2026-0002", partly.Date, decimal.Round(partly.Total.Amount / 2, 2), partly.Number);
            await Pay("PAY-2026-0003", partly.Date, 500m, null);
            await Pay("REF-2026-0001", partly.Date, 17.80m, null, Portal.Core.Features.Balances.PaymentKind.Refund);
        }
    }
}
