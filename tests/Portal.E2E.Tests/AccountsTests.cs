using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The Accounts feature: signing in, the user's own account, and the staff's portal settings.</summary>
public sealed class AccountsTests(E2EFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Wrong_password_is_explained_in_plain_words() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Username").FillAsync(DemoUser.Carla.Username);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The username or password is not correct." })).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task Changing_the_password_with_a_wrong_current_one_says_which_field_is_wrong() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Ben, "/account");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Change password" });
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Current password" }).FillAsync("wrong-current-password");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "New password", Exact = true }).FillAsync("a brand new passphrase");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Repeat the new password" }).FillAsync("a brand new passphrase");
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(form).ToContainTextAsync("The current password is not correct.");

        await form.GetByRole(AriaRole.Textbox, new() { Name = "Repeat the new password" }).FillAsync("something else");
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(form).ToContainTextAsync("The new passwords do not match.");
        await ExpectAccessibleAsync(page);
    });

    [Fact]
    public Task A_clerk_renames_the_company_in_Users_and_rights_settings_and_it_is_kept() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, DemoUser.Clerk);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await Expect(menu.GetByRole(AriaRole.List, new() { Name = "Settings" })).ToBeVisibleAsync();
        await GoToMenuAsync(page, "Users and rights settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users and rights settings", Level = 1 })).ToBeFocusedAsync();
        var name = page.GetByRole(AriaRole.Textbox, new() { Name = "Company name" });
        await Expect(name).Not.ToHaveValueAsync("");
        var original = await ApiAsync(page, "GET", "/api/manage/settings");
        var originalName = original.GetProperty("companyName").GetString()!;
        await ExpectAccessibleAsync(page);

        var renamed = originalName + " (renamed)";
        try
        {
            await name.FillAsync(renamed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Expect(page.Locator("main").GetByText("Settings saved.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(renamed);

            await page.ReloadAsync();
            await Expect(name).ToHaveValueAsync(renamed);
            await ExpectAccessibleAsync(page);

            // Switching access off asks first, saying what it does. Only cancelled here: switching it off would sign out
            // the customers of the other scenarios, which share this portal.
            var access = page.GetByRole(AriaRole.Switch, new() { Name = "Allow external user access" });
            await Expect(access).ToBeCheckedAsync();
            await access.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Switch external user access off?" });
            await Expect(dialog).ToContainTextAsync("This signs every customer out at once");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
            await ExpectAccessibleAsync(page);
            await page.Keyboard.PressAsync("Enter");
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(access).ToBeCheckedAsync();
            await Expect(access).ToBeFocusedAsync();
            Assert.True((await ApiAsync(page, "GET", "/api/manage/settings")).GetProperty("externalAccessEnabled").GetBoolean());
        }
        finally
        {
            // Other scenarios read the company name; put it back (no If-Match: whatever is there now is replaced).
            await ApiAsync(page, "PUT", "/api/manage/settings", new
            {
                externalAccessEnabled = true,
                companyName = originalName,
                currency = original.GetProperty("currency").GetString(),
            });
        }
    });
}
