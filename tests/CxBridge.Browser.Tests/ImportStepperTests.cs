using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// A file through the import stepper: kind → upload (with its progress bar) → preview (the counts an import would give)
/// → import → report; then the same file again is flagged before anything is imported.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportStepperTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    /// <summary>
    /// <see cref="NpsWave"/>'s 100 answers (NPS 20) followed by 40,000 answers dated a year earlier — about 1.6 MB,
    /// large enough for the upload to report progress; the overview's default range shows only the wave.
    /// </summary>
    private string WriteFile()
    {
        var day = NpsWave.DayInLastMonth(App.Today);
        var csv = new StringBuilder(NpsWave.Csv(day));
        var older = day.AddYears(-1).AddDays(-40);
        for (var i = 0; i < 40_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"old-{i:D6},{i % 11},{older:yyyy-MM-dd}T09:00:00Z,email\n");
        }
        var path = Path.Combine(Files, "nps-export.csv");
        File.WriteAllText(path, csv.ToString(), Encoding.UTF8);
        return path;
    }

    private const int FileRows = NpsWave.Rows + 40_000;

    [Fact]
    public async Task CsvFile_ThroughTheStepper_ShowsProgressPreviewAndReport_ThenTheSameFileIsFlagged()
    {
        var file = WriteFile();
        await OpenAsync("/imports");

        await Page.Locator("[data-kind=responses]").ClickAsync();
        await Page.Locator("[data-next]").ClickAsync();
        await WaitForUrlAsync(Page, url => url.Contains("kind=responses", StringComparison.Ordinal));
        await PickAsync(Page, Page.Locator("[data-option=survey]"), "nps");
        await WaitForUrlAsync(Page, url => url.Contains("survey=nps", StringComparison.Ordinal));
        // Records whether the progress bar was ever on the page (the upload is over in about a second).
        await Page.EvaluateAsync("""
            () => { window.__sawProgress = false;
                    new MutationObserver(() => { if (document.querySelector('[data-upload-progress]')) window.__sawProgress = true; })
                        .observe(document.body, { childList: true, subtree: true }); }
            """);
        await Page.Locator("[data-upload] input[type=file]").SetInputFilesAsync(file);

        await WaitForUrlAsync(Page, new Regex("upload=[0-9a-f]{32}"), 30_000);
        (await Page.EvaluateAsync<bool>("() => window.__sawProgress")).Should().BeTrue("the upload showed its progress");
        var summary = Page.Locator("#summary");
        await Assertions.Expect(summary.Locator("[data-rows-read]")).ToHaveTextAsync(FileRows.ToString("N0", CultureInfo.GetCultureInfo("en-US")), new() { Timeout = 30_000 });
        (await summary.Locator("[data-rows-imported]").TextContentAsync()).Should().Be("40,100");
        (await summary.Locator("[data-duplicates]").TextContentAsync()).Should().Be("0");
        (await summary.Locator("[data-rows-rejected]").TextContentAsync()).Should().Be("0");
        (await Page.Locator("[data-same-file]").CountAsync()).Should().Be(0);
        (await Page.Locator("[data-map=score] input").InputValueAsync()).Should().Be("score");
        (await App.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0, "a preview writes nothing");
        await SaveScreenshotAsync("import-preview.png");

        await Page.Locator("[data-import]").ClickAsync();

        await WaitForUrlAsync(Page, new Regex("batch=\\d+"), 30_000);
        await Assertions.Expect(Page.Locator("[data-report-status]")).ToHaveAttributeAsync("data-report-status", "imported");
        (await Page.Locator("#report [data-field=rowsImported]").TextContentAsync()).Should().Be("40,100", "the preview's count is what the import did");
        (await App.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(FileRows);
        await SaveScreenshotAsync("import-report.png");

        // The same file again: flagged before anything is imported, and nothing new would go in.
        await Page.Locator("[data-start-over]").ClickAsync();
        await WaitForUrlAsync(Page, url => !url.Contains("batch=", StringComparison.Ordinal));
        await PickAsync(Page, Page.Locator("[data-option=survey]"), "nps");
        await WaitForUrlAsync(Page, url => url.Contains("survey=nps", StringComparison.Ordinal));
        await Page.Locator("[data-upload] input[type=file]").SetInputFilesAsync(file);
        await WaitForUrlAsync(Page, new Regex("upload=[0-9a-f]{32}"), 30_000);

        await Assertions.Expect(Page.Locator("[data-same-file]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await Page.Locator("#summary [data-rows-imported]").TextContentAsync()).Should().Be("0");
        (await Page.Locator("#summary [data-duplicates]").TextContentAsync()).Should().Be("40,100", "every response id is already there");
        (await Page.Locator("[data-import]").CountAsync()).Should().Be(0, "there is nothing to import");

        await OpenAsync("/metrics");
        (await Page.Locator("[data-metric=nps] [data-value]").TextContentAsync()).Should().Be(NpsWave.Nps);
        Problems.All.Should().BeEmpty();
    }
}
