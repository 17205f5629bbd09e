using System.Globalization;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// The North Star page in a browser: its range changed in the date-range picker goes into the URL, and that URL opened
/// in a fresh browser context shows the same view. The data is <see cref="NpsWave"/>, dated in last month.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NorthStarTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    private static ILocator Hero(IPage page) => page.Locator("[data-north-star=nps] [data-value]");

    [Fact]
    public async Task RangeChanged_ThenUrlSharedIntoAFreshContext_ShowsTheSameView()
    {
        var day = NpsWave.DayInLastMonth(App.Today);
        await App.ImportResponsesAsync(NpsWave.Csv(day), "nps");
        var from = new DateOnly(day.Year, day.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        await OpenAsync("/");

        var en = CultureInfo.GetCultureInfo("en-US");
        await Page.Locator("input[aria-label='Start date']").FillAsync(from.ToString("MM/dd/yyyy", en));
        await Page.Locator("input[aria-label='Start date']").PressAsync("Tab");
        await Page.Locator("input[aria-label='End date']").FillAsync(to.ToString("MM/dd/yyyy", en));
        await Page.Locator("input[aria-label='End date']").PressAsync("Tab");

        await WaitForUrlAsync(Page, url => url.Contains($"from={from:yyyy-MM-dd}", StringComparison.Ordinal) && url.Contains($"to={to:yyyy-MM-dd}", StringComparison.Ordinal));
        await Assertions.Expect(Hero(Page)).ToHaveTextAsync(NpsWave.Nps);
        (await Page.Locator("[data-north-star=nps] [data-n]").TextContentAsync()).Should().Be(NpsWave.Rows.ToString(CultureInfo.InvariantCulture));
        var shared = Page.Url;
        await SaveScreenshotAsync("north-star.png");

        var other = await Chromium.NewPageAsync(App.BaseAddress);
        try
        {
            await OpenAsync(other, shared);

            (await Hero(other).TextContentAsync()).Should().Be(NpsWave.Nps);
            (await other.Locator("input[aria-label='Start date']").InputValueAsync()).Should().Be(from.ToString("MM/dd/yyyy", en));
            (await other.Locator("input[aria-label='End date']").InputValueAsync()).Should().Be(to.ToString("MM/dd/yyyy", en));
        }
        finally
        {
            await other.Context.CloseAsync();
        }
        Problems.All.Should().BeEmpty();
    }
}
