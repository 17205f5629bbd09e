using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// What every browser test starts from: an emptied database, a fresh page in its own browser context with its
/// problems collected, and a temp folder for the files it uploads — all closed and removed afterwards. The helpers
/// drive the interactive (Blazor Server) pages: wait for the circuit before clicking, pick values in MudBlazor selects.
/// </summary>
public abstract class BrowserTest(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper? output = null) : IAsyncLifetime
{
    protected BrowserAppFactory App => app;
    protected ChromiumFixture Chromium => chromium;
    protected ITestOutputHelper? Output => output;
    protected string Files { get; } = Directory.CreateTempSubdirectory("cxbridge-browser-files-").FullName;
    protected IPage Page { get; private set; } = null!;
    protected PageProblems Problems { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        Page = await chromium.NewPageAsync(app.BaseAddress);
        Problems = new PageProblems(Page);
    }

    public async Task DisposeAsync()
    {
        if (Page is not null)
        {
            await Page.Context.CloseAsync();
        }
        Directory.Delete(Files, recursive: true);
    }

    /// <summary>Opens a page and waits until it is interactive (the layout marks it once its circuit renders).</summary>
    protected static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForCircuitAsync(page);
    }

    protected Task OpenAsync(string url) => OpenAsync(Page, url);

    protected static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the page's URL matches. The app changes its URL in place (history API, no page load), so this waits
    /// for the URL only, not for a load event that never comes.
    /// </summary>
    protected static Task WaitForUrlAsync(IPage page, Func<string, bool> matches, float timeout = 10_000) =>
        page.WaitForURLAsync(matches, new() { WaitUntil = WaitUntilState.Commit, Timeout = timeout });

    protected static Task WaitForUrlAsync(IPage page, Regex matches, float timeout = 10_000) =>
        page.WaitForURLAsync(matches, new() { WaitUntil = WaitUntilState.Commit, Timeout = timeout });

    /// <summary>
    /// Clicks a control that changes the URL and waits for the URL. A click that lands while the circuit is still
    /// re-rendering the element (the table it sits in has just been drawn again) can reach the replaced element and do
    /// nothing, as a person's click sometimes does; like the person, the test clicks again, at most three times.
    /// </summary>
    protected static async Task ClickUntilUrlAsync(IPage page, ILocator control, Func<string, bool> matches)
    {
        for (var attempt = 1; ; attempt++)
        {
            await control.ClickAsync();
            try
            {
                await WaitForUrlAsync(page, matches, timeout: attempt < 3 ? 5_000 : 10_000);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Opens the MudBlazor select inside <paramref name="container"/> and clicks the item <paramref name="item"/>.</summary>
    protected static async Task PickAsync(IPage page, ILocator container, string item)
    {
        await container.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(item)}\\s*$") }).ClickAsync();
    }

    /// <summary>Marks the current document; <see cref="SameDocumentAsync"/> tells whether a later state is still it (no reload).</summary>
    protected static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.__cxbridgeMark = 'kept'; }");

    protected static async Task<bool> SameDocumentAsync(IPage page) =>
        await page.EvaluateAsync<string?>("() => window.__cxbridgeMark ?? null") == "kept";

    /// <summary>Not asserted: a picture of the page next to the test assembly, for a person reviewing a run.</summary>
    protected async Task SaveScreenshotAsync(string name, IPage? page = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await (page ?? Page).ScreenshotAsync(new() { Path = path, FullPage = true });
        output?.WriteLine($"screenshot: {path}");
    }
}
