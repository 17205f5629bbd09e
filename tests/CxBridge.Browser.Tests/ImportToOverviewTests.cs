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
public sealed class ImportToOverviewTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _files = Directory.CreateTempSubdirectory("cxbridge-browser-files-").FullName;
    private IPage _page = null!;
    private PageProblems _problems = null!;

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        _page = await chromium.NewPageAsync(app.BaseAddress);
        _problems = new PageProblems(_page);
    }

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
        Directory.Delete(_files, recursive: true);
    }

    private ILocator NpsValue => _page.Locator("[data-metric=nps] [data-value]");
    private ILocator NpsN => _page.Locator("[data-metric=nps] [data-n]");

    [Fact]
    public async Task CsvUpload_PreviewedAndImported_ShowsItsNpsOnTheOverview()
    {
        var day = NpsWave.DayInLastMonth(app.Today);
        var file = Path.Combine(_files, "nps-wave.csv");
        await File.WriteAllTextAsync(file, NpsWave.Csv(day), Encoding.UTF8);

        await _page.GotoAsync("/");
        (await NpsValue.TextContentAsync()).Should().Be("—", "nothing is imported yet");

        await _page.GotoAsync("/imports");
        var form = _page.Locator("#upload-form");
        await form.Locator("input[name=file]").SetInputFilesAsync(file);
        await form.Locator("select[name=survey]").SelectOptionAsync("nps");
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

        await _page.WaitForURLAsync(new Regex("/imports/preview/[^/?]+\\?"));
        _page.Url.Should().Contain("survey=nps");
        (await _page.Locator("[data-rows-read]").TextContentAsync()).Should().Be(NpsWave.Rows.ToString());
        (await _page.Locator("[data-rows-rejected]").TextContentAsync()).Should().Be("0");
        (await _page.Locator("#mapping-form select[name='map.score']").InputValueAsync()).Should().Be("score");
        (await _page.Locator("#mapping-form select[name='map.channel']").InputValueAsync()).Should().Be("channel");

        await _page.Locator("#summary #import-button").ClickAsync();

        await _page.WaitForURLAsync(new Regex("/imports/\\d+$"));
        (await _page.Locator("#batch-status").TextContentAsync()).Should().Be("imported");
        (await _page.Locator("[data-field=rowsImported]").TextContentAsync()).Should().Be(NpsWave.Rows.ToString());

        await _page.GetByRole(AriaRole.Link, new() { Name = "See the overview" }).ClickAsync();

        await _page.WaitForURLAsync(new Regex("/$"));
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.Nps, "45 promoters, 30 passives, 25 detractors");
        (await NpsN.TextContentAsync()).Should().Be(NpsWave.Rows.ToString());
        _problems.All.Should().BeEmpty();
        await SaveScreenshotAsync("overview-after-upload.png");
    }

    [Fact]
    public async Task OverviewFilter_PhoneChosen_GoesIntoTheUrlAndNarrowsTheTile()
    {
        await app.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(app.Today)), "nps");
        await _page.GotoAsync("/");
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.Nps);

        // app.js submits the filter form when a field changes: no click on Apply.
        await _page.Locator(".filter-bar select[name=channel]").SelectOptionAsync("phone");

        await _page.WaitForURLAsync(url => url.Contains("channel=phone", StringComparison.Ordinal));
        (await NpsValue.TextContentAsync()).Should().Be(NpsWave.PhoneNps, "phone alone: 10 promoters, 5 passives, 10 detractors");
        (await NpsN.TextContentAsync()).Should().Be(NpsWave.PhoneRows.ToString());
        (await _page.Locator(".filter-bar select[name=channel]").InputValueAsync()).Should().Be("phone", "the form shows the filter in force");
        _problems.All.Should().BeEmpty();
    }

    /// <summary>Not asserted: a picture of the page next to the test assembly, for a person reviewing a run.</summary>
    private async Task SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await _page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
