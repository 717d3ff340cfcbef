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
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
}
