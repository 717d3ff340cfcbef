using System.Net;
using Portal.LocalHost;

namespace Portal.Integration.Tests.Security;

/// <summary>
/// Every route of the Function App × every kind of caller. The table below is the statement of who may call
/// what; a route that is added without a line here fails the first test, so nobody forgets to decide.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RouteAccessTests(PortalFixture fixture)
{
    /// <summary>Administrator: a customer user whom staff made its company's administrator (other customers get 403).</summary>
    private enum Who { Anyone, SignedIn, Customer, Staff, Administrator }

    private static readonly Dictionary<string, Who> Expected = new()
    {
        ["GetHealth"] = Who.Anyone,
        ["NoSuchRoute"] = Who.Anyone,
        ["GetSession"] = Who.Anyone,
        ["GetOpenApi"] = Who.Anyone,
        ["SignIn"] = Who.Anyone,
        ["GetSignInProviders"] = Who.Anyone,
        ["SignInFederated"] = Who.Anyone,
        ["SignOut"] = Who.SignedIn,
        ["GetMe"] = Who.SignedIn,
        ["UpdateMyContact"] = Who.SignedIn,
        ["ChangeMyPassword"] = Who.SignedIn,
        ["ListColleagues"] = Who.Customer,
        ["GetColleague"] = Who.Customer,
        ["ListManagedColleagues"] = Who.Administrator,
        ["GetManagedColleague"] = Who.Administrator,
        ["InviteColleague"] = Who.Administrator,
        ["UpdateColleague"] = Who.Administrator,
        ["ResetColleaguePassword"] = Who.Administrator,
        ["GetColleagueGroups"] = Who.Staff,
        ["PutColleagueGroups"] = Who.Staff,
        ["ListAccountAudit"] = Who.Staff,
        ["GetPortalSettings"] = Who.Staff,
        ["UpdatePortalSettings"] = Who.Staff,
        ["ListCounterparties"] = Who.Staff,
        ["GetCounterparty"] = Who.Staff,
        ["PutCounterparty"] = Who.Staff,
        ["ListAccessGroups"] = Who.Staff,
        ["GetAccessGroup"] = Who.Staff,
        ["PutAccessGroup"] = Who.Staff,
        ["ListExternalUsers"] = Who.Staff,
        ["CreateUser"] = Who.Staff,
        ["BackfillUserSummaries"] = Who.Staff,
        ["GetUser"] = Who.Staff,
        ["UpdateUser"] = Who.Staff,
        ["ListProducts"] = Who.Customer,
        ["CompareProducts"] = Who.Customer,
        ["GetProduct"] = Who.Customer,
        ["ListCategories"] = Who.SignedIn,
        ["ListWarehouses"] = Who.SignedIn,
        ["GetCart"] = Who.Customer,
        ["AddCartLine"] = Who.Customer,
        ["UpdateCartLine"] = Who.Customer,
        ["RemoveCartLine"] = Who.Customer,
        ["ClearCart"] = Who.Customer,
        ["FillCartFromQuotation"] = Who.Customer,
        ["FillCartFromOrder"] = Who.Customer,
        ["SwapCartLine"] = Who.Customer,
        ["CheckQuickOrder"] = Who.Customer,
        ["AddQuickOrder"] = Who.Customer,
        ["ListFavourites"] = Who.Customer,
        ["AddFavourite"] = Who.Customer,
        ["RemoveFavourite"] = Who.Customer,
        ["ListRecentlyOrdered"] = Who.Customer,
        ["GetContactInformation"] = Who.Customer,
        ["GetSupplierContacts"] = Who.Staff,
        ["PutSupplierContacts"] = Who.Staff,
        ["StartCheckout"] = Who.Customer,
        ["GetCheckout"] = Who.Customer,
        ["ListOrders"] = Who.Customer,
        ["GetOrder"] = Who.Customer,
        ["GetOrdersStatement"] = Who.Customer,
        ["ListDocuments"] = Who.Customer,
        ["ExportDocuments"] = Who.Customer,
        ["GetDocument"] = Who.Customer,
        ["DownloadDocumentFile"] = Who.Customer,
        ["ListMaterials"] = Who.Customer,
        ["DownloadMaterial"] = Who.Customer,
        ["GetCustomerBalance"] = Who.Customer,
        ["ListOrderBalances"] = Who.Customer,
        ["GetStatement"] = Who.Customer,
        ["ExportStatement"] = Who.Customer,
        ["ListBalances"] = Who.Staff,
        ["GetCounterpartyBalance"] = Who.Staff,
        ["GetCounterpartyStatement"] = Who.Staff,
        ["PutPayment"] = Who.Staff,
        ["ConfirmReconciliationStatement"] = Who.Customer,
        ["DisputeReconciliationStatement"] = Who.Customer,
        ["ListReconciliationDisputes"] = Who.Staff,
        ["UpsertCategory"] = Who.Staff,
        ["UpsertWarehouse"] = Who.Staff,
        ["UpsertProduct"] = Who.Staff,
        ["ImportProducts"] = Who.Staff,
        ["ImportPrices"] = Who.Staff,
        ["PreviewProductImport"] = Who.Staff,
        ["PreviewPriceImport"] = Who.Staff,
        ["ManageListCategories"] = Who.Staff,
        ["ManageListWarehouses"] = Who.Staff,
        ["ManageListOrders"] = Who.Staff,
        ["ManageGetOrder"] = Who.Staff,
        ["BackfillOrdersDesk"] = Who.Staff,
        ["AcceptOrder"] = Who.Staff,
        ["RecordShipment"] = Who.Staff,
        ["CompleteOrder"] = Who.Staff,
        ["CancelOrder"] = Who.Staff,
        ["PutQuotation"] = Who.Staff,
        ["ManageListQuotations"] = Who.Staff,
        ["ManageGetQuotation"] = Who.Staff,
        ["ManageListCounterpartyProducts"] = Who.Staff,
        ["PutDocument"] = Who.Staff,
        ["ImportDocuments"] = Who.Staff,
        ["ListRejectedFiles"] = Who.Staff,
        ["ListSupportRequests"] = Who.Customer,
        ["CreateSupportRequest"] = Who.Customer,
        ["GetSupportRequest"] = Who.Customer,
        ["ListSupportMessages"] = Who.Customer,
        ["PostSupportMessage"] = Who.Customer,
        ["AttachSupportFile"] = Who.Customer,
        ["DownloadSupportFile"] = Who.Customer,
        ["CloseSupportRequest"] = Who.Customer,
        ["ReopenSupportRequest"] = Who.Customer,
        ["MarkSupportRequestRead"] = Who.Customer,
        ["ManageListSupportRequests"] = Who.Staff,
        ["ListSupportAssignees"] = Who.Staff,
        ["ManageGetSupportRequest"] = Who.Staff,
        ["ManageListSupportMessages"] = Who.Staff,
        ["ManagePostSupportMessage"] = Who.Staff,
        ["ManageAttachSupportFile"] = Who.Staff,
        ["ManageDownloadSupportFile"] = Who.Staff,
        ["SetSupportRequestStatus"] = Who.Staff,
        ["AssignSupportRequest"] = Who.Staff,
        ["ListRmaRequests"] = Who.Customer,
        ["GetReturnableInvoice"] = Who.Customer,
        ["CreateRmaRequest"] = Who.Customer,
        ["GetRmaRequest"] = Who.Customer,
        ["UpdateRmaRequest"] = Who.Customer,
        ["DeleteRmaRequest"] = Who.Customer,
        ["SendRmaRequest"] = Who.Customer,
        ["AddRmaAttachment"] = Who.Customer,
        ["DownloadRmaAttachment"] = Who.Customer,
        ["DeleteRmaAttachment"] = Who.Customer,
        ["ManageListRmaRequests"] = Who.Staff,
        ["ManageGetRmaRequest"] = Who.Staff,
        ["ManageDownloadRmaAttachment"] = Who.Staff,
        ["AcceptRmaRequest"] = Who.Staff,
        ["ChangeRmaExpectedDate"] = Who.Staff,
        ["RejectRmaRequest"] = Who.Staff,
        ["CompleteRmaRequest"] = Who.Staff,
        ["PublishRmaDocument"] = Who.Staff,
    };

    private IEnumerable<HttpFunction> AppFunctions => fixture.Portal.Functions.OfType<HttpFunction>()
        .Where(f => f.ClassType.Assembly == typeof(Portal.Functions.Shared.HealthFunctions).Assembly);

    [Fact]
    public void Every_route_has_a_stated_audience()
    {
        var missing = AppFunctions.Select(f => f.Name).Where(n => !Expected.ContainsKey(n)).ToList();
        var stale = Expected.Keys.Where(n => AppFunctions.All(f => f.Name != n)).ToList();

        Assert.True(missing.Count == 0, "Routes without a stated audience: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Audiences for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Anonymous_callers_reach_only_the_public_routes()
    {
        using var anonymous = fixture.CreateClient();
        foreach (var (function, verb, path) in Calls().Where(c => Expected[c.Function.Name] != Who.Anyone))
        {
            var response = await Send(anonymous, verb, path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{verb} {path} ({function.Name}) gave {(int)response.StatusCode} to an anonymous caller");
            Assert.Equal(0, response.StorageWrites());
        }
    }

    [Fact]
    public async Task Customers_are_refused_on_staff_routes_and_staff_on_customer_routes()
    {
        var user = await fixture.CreateCustomerAsync();
        var adminUser = await fixture.CreateCounterpartyWithBuyerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var current = await staff.GetAsync($"/api/manage/users/{adminUser.Id}");
        (await staff.PutJsonAsync($"/api/manage/users/{adminUser.Id}", new { displayName = "Test User", disabled = false, accessGroupId = "customers", companyAdministrator = true },
            current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        using var admin = await fixture.SignInAsync(adminUser.Username, adminUser.Password);

        foreach (var (function, verb, path) in Calls())
        {
            var audience = Expected[function.Name];
            if (function.Name is "SignOut" or "ChangeMyPassword" or "SignIn" or "ClearCart")
            {
                continue; // These would end or change the sessions the loop is using; their own tests cover them.
            }
            var asCustomer = await Send(customer, verb, path);
            var asStaff = await Send(staff, verb, path);

            AssertAllowed(audience is Who.Anyone or Who.SignedIn or Who.Customer, asCustomer, $"customer: {verb} {path} ({function.Name})");
            AssertAllowed(audience is Who.Anyone or Who.SignedIn or Who.Staff, asStaff, $"staff: {verb} {path} ({function.Name})");
            if (audience is Who.Administrator)
            {
                AssertAllowed(true, await Send(admin, verb, path), $"administrator: {verb} {path} ({function.Name})");
            }
        }
    }

    private static void AssertAllowed(bool allowed, HttpResponseMessage response, string what)
    {
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        Assert.True(allowed != refused, $"{what} gave {(int)response.StatusCode}, expected it to be {(allowed ? "allowed" : "refused")}");
        if (!allowed)
        {
            Assert.Equal(0, response.StorageWrites());
        }
    }

    private IEnumerable<(HttpFunction Function, string Verb, string Path)> Calls() =>
        AppFunctions.SelectMany(f => f.Verbs.Select(v => (f, v, "/api/" + System.Text.RegularExpressions.Regex.Replace(f.Route, "{[^}]+}",
            // A document type is constrained to the known types; any other value would not reach the function at all.
            m => m.Value.StartsWith("{type:", StringComparison.Ordinal) ? "invoices" : "no-such-id"))));

    private static Task<HttpResponseMessage> Send(PortalClient client, string verb, string path) =>
        // An empty JSON object: enough to reach the access check; validation comes after it.
        client.SendRawAsync(new HttpMethod(verb), path, verb is "GET" or "HEAD" ? null : "{}", verb is "GET" or "HEAD" ? null : "application/json");
}
