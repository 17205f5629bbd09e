using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>Phone to wide screen: no horizontal page scroll on a phone, the drawer closed there, and the theme toggle.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics/nps?by=channel&drill=all")]
    [InlineData("/imports")]
    [InlineData("/definitions")]
    public async Task Page_OnA390PixelPhone_HasNoHorizontalPageScroll(string path)
    {
        var phone = await Chromium.NewPageAsync(App.BaseAddress, (390, 844));
        try
        {
            await OpenAsync(phone, path);
            // The drawer closes once the circuit has measured the screen: wait for that (a loaded machine takes longer).
            await Assertions.Expect(phone.Locator(".mud-drawer--open")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{path} must not scroll sideways on a phone (wide tables scroll inside their card)");
            if (path == "/")
            {
                await SaveScreenshotAsync("overview-phone.png", phone);
            }
        }
        finally
        {
            await phone.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ThemeToggle_SwitchesToDarkAndIsRemembered()
    {
        await OpenAsync("/");
        (await Page.Locator(".mud-theme-dark, .mud-dark").CountAsync()).Should().Be(0);

        await Page.Locator("[data-theme-toggle]").ClickAsync();

        await Assertions.Expect(Page.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-label", "Use the light theme");
        var background = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await OpenAsync("/");
        await Assertions.Expect(Page.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-label", "Use the light theme");
        (await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).Should().Be(background);
        background.Should().Be("rgb(18, 23, 29)", "the dark palette's background");
    }

    [Fact]
    public async Task SystemDarkMode_IsFollowedWithoutAChoice()
    {
        var dark = await Chromium.NewPageAsync(App.BaseAddress, colorScheme: ColorScheme.Dark);
        try
        {
            await OpenAsync(dark, "/");

            await Assertions.Expect(dark.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-label", "Use the light theme");
        }
        finally
        {
            await dark.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Keyboard_FocusIsVisibleAndTheSkipLinkReachesTheContent()
    {
        await OpenAsync("/");

        foreach (var _ in Enumerable.Range(0, 3))
        {
            await Page.Keyboard.PressAsync("Tab");
            // A field shows its focus on its outline box; links and buttons on themselves.
            (await Page.EvaluateAsync<string>("""
                () => { const e = document.activeElement;
                        const ring = e.closest('.mud-input-control')?.querySelector('.mud-input-outlined-border') ?? e;
                        return getComputedStyle(ring).outlineStyle; }
                """)).Should().NotBe("none", "the element the keyboard reached shows where the focus is");
        }

        await Page.Locator(".skip-link").FocusAsync();
        (await Page.Locator(".skip-link").BoundingBoxAsync())!.X.Should().BeGreaterThanOrEqualTo(0, "the skip link shows itself when focused");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => location.hash === '#main'");
    }
}
