using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>A username-only user signs in with a work account: through the authority's own sign-in page and back.</summary>
public sealed class WorkAccountSignInTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_username_only_user_signs_in_through_the_authoritys_page_and_lands_where_they_wanted() => InBrowserAsync(async page =>
    {
        var username = "work-" + Guid.NewGuid().ToString("N")[..8] + "@northwind.example";
        await Fixture.Services.GetRequiredService<AccountService>().CreateUserAsync(new CreateUserRequest
        {
            Username = username, DisplayName = "Wendy Work", Kind = UserKind.Customer, CounterpartyId = "northwind", AccessGroupId = "customers",
        }, null, CancellationToken.None);

        await page.GotoAsync("/purchases/catalog");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        var workAccount = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your work account" });
        await Expect(workAccount).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await workAccount.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the local authority" })).ToBeVisibleAsync();
        await page.GetByLabel("Work account").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Wendy Work");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/purchases/catalog$"));
        Assert.Contains(username, Fixture.Authority.SignedIn);
    }, trustLocalAuthority: true);

    [Fact]
    public Task A_work_account_the_portal_does_not_know_is_told_to_ask_the_supplier() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your work account" }).ClickAsync();
        await page.GetByLabel("Work account").FillAsync("stranger-" + Guid.NewGuid().ToString("N")[..6] + "@elsewhere.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Your work account cannot sign in to this portal." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ask your supplier" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    }, trustLocalAuthority: true);
}

/// <summary>Anna administers Northwind's colleagues in the demo: Account → Colleagues.</summary>
public sealed class ColleaguesTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_administrator_invites_a_colleague_and_reads_the_password_once() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Anna);
        await GoToMenuAsync(page, "Colleagues");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Colleagues", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Dan Okafor", Exact = true })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        var username = "nina-" + Guid.NewGuid().ToString("N")[..6] + "@northwind.example";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Username", Exact = true }).FillAsync(username);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Nina Neu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();

        await Expect(page.GetByText("The password for Nina Neu, shown this once:")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = username, Exact = true })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_buyer_who_is_not_an_administrator_has_no_Colleagues_in_the_menu() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Ben);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Materials" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Colleagues" })).ToHaveCountAsync(0);
    });
}
