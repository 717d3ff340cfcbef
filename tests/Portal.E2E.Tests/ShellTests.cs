using Microsoft.Playwright;
using Portal.LocalHost;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The shell around every page: who is signed in, the session rules, the main menu, the security headers.</summary>
public sealed class ShellTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Sign_in_shows_who_and_for_which_company_and_sign_out_returns_to_sign_in() => InBrowserAsync(async page =>
    {
        // A first visit asks whether there is a session in a way that answers 200 either way: nothing fails, so the
        // browser console shows no error before anyone signed in.
        var failed = new List<string>();
        void Record(object? sender, IResponse response)
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        }
        page.Response += Record;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        page.Response -= Record;
        Assert.Empty(failed);
        await ExpectAccessibleAsync(page);
        await SignInAsync(page, DemoUser.Anna);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Main menu", Level = 1 })).ToBeVisibleAsync();
        var banner = page.GetByRole(AriaRole.Banner);
        await Expect(banner).ToContainTextAsync("Anna Schmidt");
        await Expect(banner).ToContainTextAsync("Northwind Traders");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        foreach (var section in new[] { "Purchases", "Documents from supplier", "Reports" })
        {
            await Expect(menu).ToContainTextAsync(section);
        }
        await ExpectAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("main").GetByText("You have signed out.")).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_deep_link_survives_sign_in_and_an_ended_session_leads_back_to_sign_in() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Carla, "/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Colleagues" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        // The session ends behind the page's back (as when signing out in another tab).
        await ApiAsync(page, "POST", "/api/auth/sign-out");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customer Portal" }).ClickAsync();
        await Expect(page.Locator("main").GetByText("Your session has ended.")).ToBeVisibleAsync();
        Assert.Contains("/sign-in", page.Url);

        await page.GetByLabel("Username").FillAsync(DemoUser.Carla.Username);
        await page.GetByLabel("Password").FillAsync(DemoUser.Carla.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Staff_see_the_Company_workplace_and_a_customer_page_tells_them_it_is_not_for_their_account() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        // The workplace's sections grow as staff pages arrive; Sales comes first.
        await Expect(menu.GetByRole(AriaRole.List).First).ToHaveAccessibleNameAsync("Sales");
        await Expect(menu.GetByRole(AriaRole.List, new() { Name = "Sales" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Orders desk", "Quotations"]);
        await Expect(menu.GetByRole(AriaRole.List, new() { Name = "Settings" }).GetByRole(AriaRole.Link, new() { Name = "Users and rights settings" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.List, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "My account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Products cart");
        await ExpectAccessibleAsync(page);

        await page.GotoAsync("/purchases/cart");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("This page is for customers; you are signed in as staff.");
        await Expect(page.Locator("main").GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await ExpectAccessibleAsync(page);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "main menu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Main menu", Level = 1 })).ToBeFocusedAsync();
    });

    [Fact]
    public Task A_customer_who_opens_a_staff_page_is_told_it_is_not_for_their_account() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Ben, "/manage/settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("This page is for the supplier's staff; you are signed in as a customer (Contoso Retail).");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Users and rights settings" })).ToHaveCountAsync(0);
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task The_menu_works_on_a_360_px_phone_without_sideways_scrolling() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Carla);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await Expect(menu).ToBeHiddenAsync();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await menu.GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account", Level = 1 })).ToBeFocusedAsync();
        await Expect(menu).ToBeHiddenAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 360px screen.");
    }, width: 360, height: 740);

    [Fact]
    public async Task LocalHost_sends_the_security_headers_of_staticwebapp_config()
    {
        var expected = SecurityHeaders.Load(E2EFixture.RepositoryRoot, Fixture.Authority.Authority);
        Assert.Contains("Content-Security-Policy", expected.Keys);
        var csp = expected["Content-Security-Policy"];
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        foreach (var directive in new[] { "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp);
        }

        using var http = new HttpClient { BaseAddress = Fixture.BaseAddress };
        foreach (var path in new[] { "/", "/purchases/catalog", "/api/health" })
        {
            using var response = await http.GetAsync(path);
            foreach (var (name, value) in expected)
            {
                Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values),
                    $"{path} lacks {name}");
                Assert.Equal(value, string.Join(", ", values!));
            }
        }
    }
}
