using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// The filter bar on the interactive overview: a MudBlazor multi-select changes the URL and the numbers without a page
/// load, and the URL alone reproduces the view elsewhere. The data is <see cref="NpsWave"/>, dated last month.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilterTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    private static ILocator NpsValue(IPage page) => page.Locator("[data-metric=nps] [data-value]");
    private static ILocator NpsN(IPage page) => page.Locator("[data-metric=nps] [data-n]");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
    }

    [Fact]
    public async Task DimensionFilter_ChosenInTheSelect_ChangesUrlAndNumbersWithoutAPageLoad()
    {
        await OpenAsync("/metrics");
        (await NpsValue(Page).TextContentAsync()).Should().Be(NpsWave.Nps);
        await MarkDocumentAsync(Page);

        await PickAsync(Page, Page.Locator("[data-filter=channel]"), "phone");

        await WaitForUrlAsync(Page, url => url.Contains("channel=phone", StringComparison.Ordinal));
        await Assertions.Expect(NpsValue(Page)).ToHaveTextAsync(NpsWave.PhoneNps);
        (await NpsN(Page).TextContentAsync()).Should().Be(NpsWave.PhoneRows.ToString(), "phone alone: 10 promoters, 5 passives, 10 detractors");
        (await Page.Locator("[data-chip='channel=phone']").CountAsync()).Should().Be(1, "the filter in force is shown as a chip");
        (await SameDocumentAsync(Page)).Should().BeTrue("the view changed in place, without loading a new page");
        Problems.All.Should().BeEmpty();
        await SaveScreenshotAsync("overview-filtered.png");
    }

    [Fact]
    public async Task SharedUrl_OpenedInAFreshBrowserContext_ShowsTheSameView()
    {
        await OpenAsync("/metrics");
        await PickAsync(Page, Page.Locator("[data-filter=grain]"), "Whole range");
        await WaitForUrlAsync(Page, url => url.Contains("grain=total", StringComparison.Ordinal));
        await Page.Keyboard.PressAsync("Escape");
        await PickAsync(Page, Page.Locator("[data-filter=channel]"), "phone");
        await WaitForUrlAsync(Page, url => url.Contains("channel=phone", StringComparison.Ordinal));
        await Assertions.Expect(NpsValue(Page)).ToHaveTextAsync(NpsWave.PhoneNps);
        var shared = Page.Url;

        var other = await Chromium.NewPageAsync(App.BaseAddress);
        try
        {
            await OpenAsync(other, shared);

            (await NpsValue(other).TextContentAsync()).Should().Be(NpsWave.PhoneNps);
            (await NpsN(other).TextContentAsync()).Should().Be(NpsWave.PhoneRows.ToString());
            (await other.Locator("[data-chip='channel=phone']").CountAsync()).Should().Be(1);
            (await other.Locator("[data-filter=grain] input").InputValueAsync()).Should().Be("Whole range");
        }
        finally
        {
            await other.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task BackButton_AfterAFilterChange_RestoresTheEarlierView()
    {
        await OpenAsync("/metrics");
        await PickAsync(Page, Page.Locator("[data-filter=channel]"), "phone");
        await Assertions.Expect(NpsValue(Page)).ToHaveTextAsync(NpsWave.PhoneNps);
        await Page.Keyboard.PressAsync("Escape");

        await Page.GoBackAsync();

        await Assertions.Expect(NpsValue(Page)).ToHaveTextAsync(NpsWave.Nps);
        Page.Url.Should().NotContain("channel=");
        (await Page.Locator("[data-chip]").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ChipClosed_RemovesThatFilter()
    {
        await OpenAsync("/metrics?channel=phone");
        (await NpsValue(Page).TextContentAsync()).Should().Be(NpsWave.PhoneNps);

        await Page.Locator("[data-chip='channel=phone'] .mud-chip-close-button").ClickAsync();

        await WaitForUrlAsync(Page, url => !url.Contains("channel=", StringComparison.Ordinal));
        await Assertions.Expect(NpsValue(Page)).ToHaveTextAsync(NpsWave.Nps);
    }
}
