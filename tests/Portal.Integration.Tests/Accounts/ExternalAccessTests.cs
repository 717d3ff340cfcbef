using System.Net;

namespace Portal.Integration.Tests.Accounts;

/// <summary>Switching external access off affects the whole portal, so these tests get a portal of their own.</summary>
public sealed class ExternalAccessTests : IClassFixture<PortalFixture>
{
    private readonly PortalFixture _fixture;

    public ExternalAccessTests(PortalFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Switching_external_access_off_refuses_customer_sign_in_and_ends_live_sessions_but_not_staffs()
    {
        using var customer = await _fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");
        using var staff = await _fixture.SignInAsStaffAsync();
        var settings = await staff.GetAsync("/api/manage/settings");

        var off = await staff.PutJsonAsync("/api/manage/settings",
            new { externalAccessEnabled = false, companyName = "Tailspin Supplies Ltd", currency = "EUR" }, settings.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        await (await customer.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var newcomer = _fixture.CreateClient();
        var refused = await newcomer.SignInAsync("anna@northwind.example", "northwind-demo-1", ensureSuccess: false);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.EndsWith("external-access-off", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/me")).StatusCode);

        var on = await staff.PutJsonAsync("/api/manage/settings",
            new { externalAccessEnabled = true, companyName = "Tailspin Supplies Ltd", currency = "EUR" }, off.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        await newcomer.SignInAsync("anna@northwind.example", "northwind-demo-1");
    }

    [Fact]
    public async Task A_stale_settings_version_is_refused_with_412()
    {
        using var staff = await _fixture.SignInAsStaffAsync();
        var etag = (await staff.GetAsync("/api/manage/settings")).Headers.ETag!.ToString();
        var body = new { externalAccessEnabled = true, companyName = "Tailspin Supplies Ltd", currency = "EUR" };

        Assert.Equal(HttpStatusCode.OK, (await staff.PutJsonAsync("/api/manage/settings", body, etag)).StatusCode);
        await (await staff.PutJsonAsync("/api/manage/settings", body, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
