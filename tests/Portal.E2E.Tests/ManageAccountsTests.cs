using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The staff's users and rights in the browser: external access, access groups, users and counterparties.</summary>
public sealed class ManageAccountsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    /// <summary>A second person at another browser: a context of its own, so its session is its own.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> SecondBrowserAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
            ReducedMotion = ReducedMotion.Reduce,
        });
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public Task Switching_external_access_off_ends_a_signed_in_customers_session_until_it_is_switched_on_again() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk);
        var (customerContext, customer) = await SecondBrowserAsync();
        await using var _ = customerContext;
        await SignInAsync(customer, DemoUser.Carla, "/account");

        try
        {
            await GoToMenuAsync(page, "Users and rights settings");
            var access = page.GetByRole(AriaRole.Switch, new() { Name = "Allow external user access" });
            await Expect(access).ToBeCheckedAsync();
            await access.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Switch external user access off?" });
            await Expect(dialog).ToContainTextAsync("This signs every customer out at once");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Switch off and sign customers out" }).ClickAsync();
            await Expect(access).Not.ToBeCheckedAsync();
            await Expect(page.GetByText("Customers cannot sign in. Staff keep their access.")).ToBeVisibleAsync();
            await ExpectAccessibleAsync(page);

            // The customer's next action finds the session ended and lands on sign-in, where signing in is refused.
            await GoToMenuAsync(customer, "Orders");
            await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
            await customer.GetByLabel("Username").FillAsync(DemoUser.Carla.Username);
            await customer.GetByLabel("Password").FillAsync(DemoUser.Carla.Password);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(customer.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The portal is closed to customers at the moment." })).ToBeVisibleAsync();

            // The clerk is still signed in and switches access on again, without being asked.
            await access.ClickAsync();
            await Expect(access).ToBeCheckedAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToHaveCountAsync(0);
            await SignInAsync(customer, DemoUser.Carla);
        }
        finally
        {
            var settings = await ApiAsync(page, "GET", "/api/manage/settings");
            if (!settings.GetProperty("externalAccessEnabled").GetBoolean())
            {
                await ApiAsync(page, "PUT", "/api/manage/settings", new
                {
                    externalAccessEnabled = true,
                    companyName = settings.GetProperty("companyName").GetString(),
                    currency = settings.GetProperty("currency").GetString(),
                });
            }
        }
    });

    [Fact]
    public Task A_clerk_makes_a_group_restricted_to_one_category_and_a_user_in_it_who_sees_only_that_category() => InBrowserAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await SignInAsync(page, DemoUser.Clerk);
        var categories = (await ApiAsync(page, "GET", "/api/categories")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(categories.Count > 1, "the demo catalog has several categories");
        var only = categories[^1].GetProperty("name").GetString()!;

        // Settings → Access groups → New access group, restricted to one category.
        await GoToMenuAsync(page, "Access groups");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access groups", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New access group" }).ClickAsync();
        var groupName = $"Only {only} {tag}";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(groupName);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Only the categories picked below" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = only }).CheckAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create access group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = groupName, Level = 1 })).ToBeVisibleAsync();

        // Settings → Users → New user, with a generated password read from the page.
        await GoToMenuAsync(page, "Users");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Users" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var username = $"painter-{tag}@fabrikam.example";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Username" }).FillAsync(username);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync($"Pat Painter {tag}");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Counterparty" }).SelectOptionAsync(new SelectOptionValue { Label = DemoUser.Carla.Company });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Access group" }).SelectOptionAsync(new SelectOptionValue { Label = groupName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy password" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.Locator("main").GetByText($"User {username} created.")).ToBeVisibleAsync();
        var password = (await page.GetByTestId("shown-password").InnerTextAsync()).Trim();
        Assert.Equal(20, password.Length);
        await ExpectAccessibleAsync(page);

        // The group now counts its user.
        await GoToMenuAsync(page, "Access groups");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"1 users in {groupName}" })).ToBeVisibleAsync();

        // The new user signs in and the catalog offers that one category only.
        var (context, buyer) = await SecondBrowserAsync();
        await using var _ = context;
        await SignInAsync(buyer, new DemoUser(username, password, $"Pat Painter {tag}", DemoUser.Carla.Company), "/purchases/catalog");
        var category = buyer.GetByRole(AriaRole.Combobox, new() { Name = "Category" });
        await Expect(category.Locator("option")).ToHaveTextAsync(["All categories", only]);

        // The list shows when the user last signed in.
        await GoToMenuAsync(page, "Users");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Username or name starts with" }).FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = username });
        await Expect(row).ToContainTextAsync(groupName);
        await Expect(row).ToContainTextAsync("Username and password");
        await Expect(row).Not.ToContainTextAsync("Never");

        // The user's page: by keyboard from the list, with the account's facts, and every part passes axe.
        await row.GetByRole(AriaRole.Link, new() { Name = username }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Pat Painter {tag}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Account" })).ToContainTextAsync(groupName);
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the password (username only)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await ExpectAccessibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove the password", Exact = true })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_clerk_presses_create_again_after_the_answer_was_lost_and_gets_the_one_user_with_the_password_on_screen() => InBrowserAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await SignInAsync(page, DemoUser.Clerk);
        // The first create reaches the server and is carried out, but its answer never comes back to the browser.
        var lost = 0;
        await page.RouteAsync("**/api/manage/users", async route =>
        {
            if (route.Request.Method == "POST" && Interlocked.Increment(ref lost) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }
            await route.ContinueAsync();
        });

        await GoToMenuAsync(page, "Users");
        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var username = $"retry-{tag}@fabrikam.example";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Username" }).FillAsync(username);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync($"Rory Retry {tag}");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Counterparty" }).SelectOptionAsync(new SelectOptionValue { Label = DemoUser.Carla.Company });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Access group" }).SelectOptionAsync(new SelectOptionValue { Label = "Customers" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        var password = await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Password")).InputValueAsync();
        Assert.Equal(20, password.Length);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.Locator("main").GetByText("The portal cannot be reached.")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        // Pressed again: the same request with the same key; the portal answers with the user the first one made.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.Locator("main").GetByText($"User {username} created.")).ToBeVisibleAsync();
        Assert.Equal(password, (await page.GetByTestId("shown-password").InnerTextAsync()).Trim());
        Assert.Equal(2, lost);

        // One user with that username, and the password on the screen is the one that signs in.
        var users = await ApiAsync(page, "GET", $"/api/manage/users?search={Uri.EscapeDataString(username)}");
        Assert.Single(users.GetProperty("items").EnumerateArray());
        var (context, buyer) = await SecondBrowserAsync();
        await using var _ = context;
        await SignInAsync(buyer, new DemoUser(username, password, $"Rory Retry {tag}", DemoUser.Carla.Company), "/account");
    });

    [Fact]
    public Task A_clerk_creates_a_counterparty_and_edits_it_on_a_phone() => InBrowserAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await SignInAsync(page, DemoUser.Clerk, "/manage/counterparties");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Counterparties", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New counterparty" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync($"Wingtip {tag}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tax id" }).FillAsync("DE123");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Address" }).FillAsync("1 Harbour Road\nPort Town");
        await ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create counterparty" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Wingtip {tag}", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Code" }).FillAsync($"W-{tag}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main").GetByText("Counterparty saved.")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways at 360 px");
    }, width: 360, height: 740);

    [Fact]
    public Task A_clerk_changes_the_supplier_contacts_and_a_buyer_sees_them_on_the_account_page() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk);
        var before = await ApiAsync(page, "GET", "/api/manage/settings/contacts");
        var hours = $"Monday to Saturday, 7:00–18:00 ({Guid.NewGuid().ToString("N")[..4]})";
        try
        {
            await GoToMenuAsync(page, "Supplier contacts");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supplier contacts", Level = 1 })).ToBeFocusedAsync();
            var field = page.GetByRole(AriaRole.Textbox, new() { Name = "Opening hours" });
            await Expect(field).ToHaveValueAsync(before.GetProperty("hours").GetString()!);
            await ExpectAccessibleAsync(page);

            // A cleared email is refused at the field, and nothing is saved.
            var email = page.GetByRole(AriaRole.Textbox, new() { Name = "Email" });
            await email.FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save contacts" }).ClickAsync();
            await Expect(email).ToBeFocusedAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Enter the email address customers write to.");
            await email.FillAsync(before.GetProperty("email").GetString()!);

            await field.FillAsync(hours);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save contacts" }).ClickAsync();
            await Expect(page.Locator("main").GetByText("Contacts saved. Customers see them now.")).ToBeVisibleAsync();
            await ExpectAccessibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await SignInAsync(page, DemoUser.Anna);
            await GoToMenuAsync(page, "My account");
            var contacts = page.GetByRole(AriaRole.Region, new() { Name = "Supplier contacts" });
            await Expect(contacts).ToContainTextAsync(hours);
            await Expect(contacts.GetByRole(AriaRole.Link, new() { Name = before.GetProperty("email").GetString()! })).ToBeVisibleAsync();
        }
        finally
        {
            // Put the demo's contacts back for the other tests, whoever is signed in by now.
            await page.Context.ClearCookiesAsync();
            await SignInAsync(page, DemoUser.Clerk);
            await ApiAsync(page, "PUT", "/api/manage/settings/contacts", new
            {
                address = before.GetProperty("address").GetString(), phone = before.GetProperty("phone").GetString(),
                email = before.GetProperty("email").GetString(), hours = before.GetProperty("hours").GetString(),
            });
        }
    });
}
