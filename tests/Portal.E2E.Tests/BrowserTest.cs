using System.Runtime.CompilerServices;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

public sealed record DemoUser(string Username, string Password, string DisplayName, string Company)
{
    public static readonly DemoUser Anna = new("anna@northwind.example", "northwind-demo-1", "Anna Schmidt", "Northwind Traders");
    public static readonly DemoUser Dan = new("dan@northwind.example", "northwind-demo-2", "Dan Okafor", "Northwind Traders");
    public static readonly DemoUser Ben = new("ben@contoso.example", "contoso-demo-1", "Ben Müller", "Contoso Retail");
    public static readonly DemoUser Carla = new("carla@fabrikam.example", "fabrikam-demo-1", "Carla Rossi", "Fabrikam Builders");
    public static readonly DemoUser Clerk = new("clerk", "staff-demo-1", "Sam Clerk", "Tailspin Supplies Ltd");
}

/// <summary>
/// What every browser scenario shares: a fresh browser context per scenario, sign-in, an axe scan and a phone
/// layout check (<see cref="PhoneLayout"/>) of each page visited, a check that the strict CSP blocked nothing, and a
/// screenshot when the scenario fails.
/// </summary>
[Collection(E2ECollection.Name)]
public abstract class BrowserTest(E2EFixture fixture)
{
    protected E2EFixture Fixture { get; } = fixture;

    public static string ScreenshotFolder { get; } = Path.Combine(E2EFixture.RepositoryRoot, "tests", "Portal.E2E.Tests", "screenshots");

    protected async Task InBrowserAsync(Func<IPage, Task> scenario, int width = 1280, int height = 900, [CallerMemberName] string name = "",
        bool trustLocalAuthority = false)
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
            // No colour transitions half way through when axe measures contrast (Fluent honours this setting).
            ReducedMotion = ReducedMotion.Reduce,
            // The local work-account authority serves HTTPS with a certificate it made at start.
            IgnoreHTTPSErrors = trustLocalAuthority,
        });
        var page = await context.NewPageAsync();
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                policyViolations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => policyViolations.Add("Uncaught error: " + error);
        try
        {
            await scenario(page);
            Assert.True(policyViolations.Count == 0, "The page broke the Content Security Policy or threw:\n" + string.Join("\n", policyViolations));
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
            throw;
        }
    }

    protected static async Task SignInAsync(IPage page, DemoUser user, string path = "/")
    {
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(user.DisplayName);
    }

    /// <summary>
    /// Waits for the page to settle (no spinner), then runs axe on it: every page must have zero violations. Then the
    /// same page at 360 × 740 px, where lists turn into cards: axe again, and nothing overlaps in a row, card or field,
    /// nothing operable is cut off (<see cref="PhoneLayout"/>).
    /// </summary>
    protected static async Task ExpectAccessibleAsync(IPage page)
    {
        await Expect(page.Locator(".fui-Spinner")).ToHaveCountAsync(0);
        await ExpectNoAxeViolationsAsync(page, "");
        await PhoneLayout.ExpectReadableOnPhoneAsync(page, () => ExpectNoAxeViolationsAsync(page, $" at {PhoneLayout.Width} px"));
    }

    private static async Task ExpectNoAxeViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var violations = result.Violations
            .Select(v => (v.Id, v.Impact, v.Help, Nodes: v.Nodes.Where(n => !IsFocusRedirector(v.Id, n.Html)).ToList()))
            .Where(v => v.Nodes.Count > 0)
            .ToList();
        var problems = violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {n.Html}\n      " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))));
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}{where}:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Fluent UI's focus management (Tabster) places empty elements that are focusable yet aria-hidden at the edges of
    /// modal dialogs and the page; they exist only to hand focus on to the right element the moment they get it, and
    /// are hidden so screen readers never announce them. axe's aria-hidden-focus rule reports exactly those empty
    /// elements; any other node, and every other rule, still counts.
    /// </summary>
    private static bool IsFocusRedirector(string rule, string html) =>
        rule == "aria-hidden-focus" && html.StartsWith("<i ", StringComparison.Ordinal) && html.Contains("data-tabster-dummy", StringComparison.Ordinal)
        && html.EndsWith("></i>", StringComparison.Ordinal);

    protected static async Task GoToMenuAsync(IPage page, string item)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    /// <summary>Calls the API with the page's own session (cookie and CSRF token), for setting up and checking state.</summary>
    protected static async Task<JsonElement> ApiAsync(IPage page, string method, string path, object? body = null)
    {
        var me = await page.APIRequest.GetAsync("/api/me");
        var csrf = (await me.JsonAsync())?.GetProperty("csrfToken").GetString() ?? "";
        var response = await page.APIRequest.FetchAsync(path, new APIRequestContextOptions
        {
            Method = method,
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf },
            DataObject = body,
        });
        Assert.True(response.Ok, $"{method} {path} answered {response.Status}: {await response.TextAsync()}");
        var text = await response.TextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asks the API until the answer satisfies <paramref name="ready"/> (files arrive a moment after the upload, balances after the ledger worker).</summary>
    protected static async Task<JsonElement> WaitForAsync(IPage page, string path, Func<JsonElement, bool> ready)
    {
        var until = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var answer = await ApiAsync(page, "GET", path);
            if (ready(answer))
            {
                return answer;
            }
            Assert.True(DateTime.UtcNow < until, $"GET {path} did not become ready: {answer}");
            await Task.Delay(500);
        }
    }
}
