using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// What a person does in the browser: upload a CSV through the pages and see it on the overview, then narrow the
/// overview with the filter bar. The data is <see cref="NpsWave"/>, dated in last month so the default range shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportToOverviewTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    private ILocator NpsValue => Page.Locator("[data-metric=nps] [data-value]");
    private ILocator NpsN => Page.Locator("[data-metric=nps] [data-n]");

    [Fact]
    public async Task CsvUpload_PreviewedAndImported_ShowsItsNpsOnTheOverview()
    {
        var day = NpsWave.DayInLastMonth(App.Today);
        var file = Path.Combine(Files, "nps-wave.csv");
        await File.WriteAllTextAsync(file, NpsWave.Csv(day), Encoding.UTF8);

        await Page.GotoAsync("/");
        (await NpsValue.TextContentAsync()).Should().Be("—", "nothing is imported yet");

        await Page.GotoAsync("/imports");
        var form = Page.Locator("#upload-form");
        await form.Locator("input[name=file]").SetInputFilesAsync(file);
        await form.Locator("select[name=survey]").SelectOptionAsync("nps");
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

        await Page.WaitForURLAsync(new Regex("/imports/preview/[^/?]+\\?"));
        Page.Url.Should().Contain("survey=nps");
        (await Page.Locator("[data-rows-read]").TextContentAsync()).Should().Be(NpsWave.Rows.ToString());
        (await Page.Locator("[data-rows-rejected]").TextContentAsync()).Should().Be("0");
        (await Page.Locator("#mapping-form select[name='map.score']").InputValueAsync()).Should().Be("score");
        (await Page.Locator("#mapping-form select[name='map.channel']").InputValueAsync()).Should().Be("channel");

        await Page.Locator("#summary #import-button").ClickAsync();

        await Page.WaitForURLAsync(new Regex("/imports/\\d+$"));
        (await Page.Locator("#batch-status").TextContentAsync()).Should().Be("imported");
        (await Page.Locator("[data-field=rowsImported]").TextContentAsync()).Should().Be(NpsWave.Rows.ToString());

        await Page.GetByRole(AriaRole.Link, new() { Name = "See the overview" }).ClickAsync();

        await Page.WaitForURLAsync(new Regex("/$"));
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.Nps, "45 promoters, 30 passives, 25 detractors");
        (await NpsN.TextContentAsync()).Should().Be(NpsWave.Rows.ToString());
        Problems.All.Should().BeEmpty();
        await SaveScreenshotAsync("overview-after-upload.png");
    }

    [Fact]
    public async Task OverviewFilter_PhoneChosen_GoesIntoTheUrlAndNarrowsTheTile()
    {
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
        await Page.GotoAsync("/");
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.Nps);

        // app.js submits the filter form when a field changes: no click on Apply.
        await Page.Locator(".filter-bar select[name=channel]").SelectOptionAsync("phone");

        await Page.WaitForURLAsync(url => url.Contains("channel=phone", StringComparison.Ordinal));
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.PhoneNps, "phone alone: 10 promoters, 5 passives, 10 detractors");
        (await NpsN.TextContentAsync()).Should().Be(NpsWave.PhoneRows.ToString());
        (await Page.Locator(".filter-bar select[name=channel]").InputValueAsync()).Should().Be("phone", "the form shows the filter in force");
        Problems.All.Should().BeEmpty();
    }

    /// <summary>Not asserted: a picture of the page next to the test assembly, for a person reviewing a run.</summary>
    private async Task SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
