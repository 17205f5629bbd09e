using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// The North Star page and a department page on paper, in Chromium with print media and as a PDF from Chromium's own
/// print: no navigation or controls, the header and the filter printed, light colours from a dark screen, every chart
/// whole (not allowed to break across pages, and short enough for one page). And "copy link" puts the view's URL on
/// the clipboard. Data: <see cref="NpsWave"/> last month and three months of finance revenue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintAndShareTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    // A4 in CSS pixels (96 per inch) less print.css's @page margins (12 mm top and bottom, 10 mm each side).
    private const double A4ContentWidth = (210 - 20) / 25.4 * 96;
    private const double A4ContentHeight = (297 - 24) / 25.4 * 96;

    private DateOnly _month;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var day = NpsWave.DayInLastMonth(App.Today);
        _month = new DateOnly(day.Year, day.Month, 1);
        await App.ImportResponsesAsync(NpsWave.Csv(day), "nps");
        var kpis = new StringBuilder("department,kpi,period,value,unit\n");
        for (var i = 2; i >= 0; i--)
        {
            kpis.Append(CultureInfo.InvariantCulture, $"finance,revenue,{_month.AddMonths(-i):yyyy-MM},{1_500_000 + 10_000 * i},currency\n");
        }
        await App.ImportAsync("kpis", kpis.ToString());
    }

    private string Range => $"from={_month.AddMonths(-2):yyyy-MM-dd}&to={_month.AddMonths(1).AddDays(-1):yyyy-MM-dd}";

    [Theory]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/departments/finance", ColorScheme.Light)]
    public async Task Page_PrintMedia_HasNoNavigationOrControls_LightColours_AndWholeCharts(string path, ColorScheme scheme)
    {
        // The viewport is the printable part of an A4 sheet, as Chromium lays the page out for paper.
        var page = await Chromium.NewPageAsync(App.BaseAddress, viewport: ((int)A4ContentWidth, (int)A4ContentHeight), colorScheme: scheme);
        try
        {
            var url = $"{path}?{Range}&channel=chat";
            await OpenAsync(page, url);
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            foreach (var screenOnly in new[] { ".mud-appbar", ".mud-drawer", "[data-filter=range]", "[data-copy-link]", "[data-theme-toggle]", ".export-link" })
            {
                (await page.Locator(screenOnly).EvaluateAllAsync<int>("els => els.filter(e => e.getClientRects().length > 0).length"))
                    .Should().Be(0, $"{screenOnly} is for the screen");
            }
            await Assertions.Expect(page.Locator("[data-print-header]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-print-url]")).ToHaveTextAsync(new Regex(Regex.Escape(url) + "$"));
            var en = CultureInfo.GetCultureInfo("en-US");
            await Assertions.Expect(page.Locator("[data-filter-summary]")).ToHaveTextAsync(
                $"{_month.AddMonths(-2).ToString("d", en)} – {_month.AddMonths(1).AddDays(-1).ToString("d", en)} · by month · Channel: chat");

            // Paper is white with dark text, even from a dark screen.
            (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).Should().Be("rgb(255, 255, 255)");
            (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color")).Should().MatchRegex(@"^rgba\(0, 0, 0, 0\.8\d*\)$",
                "the light palette's text, black at 87% (Chromium rounds the alpha to 0.867)");

            var charts = await page.Locator("svg.cx-chart").EvaluateAllAsync<ChartBox[]>(
                """
                els => els.filter(e => e.getClientRects().length > 0).map(e => {
                    const box = e.getBoundingClientRect();
                    const card = e.closest('.mud-card') ?? e;
                    return { width: box.width, height: box.height, breakInside: getComputedStyle(card).breakInside };
                })
                """);
            charts.Should().NotBeEmpty();
            charts.Should().AllSatisfy(c =>
            {
                c.BreakInside.Should().Be("avoid", "a chart's card is never cut across a page break");
                c.Width.Should().BeLessThanOrEqualTo((int)A4ContentWidth, "the whole chart fits the paper's width");
                c.Height.Should().BeLessThan(A4ContentHeight, "the whole chart fits on one page");
            });

            var pdf = await page.PdfAsync(new() { Format = path == "/" ? "A4" : "Letter", PrintBackground = true });
            Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
            Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count.Should().BeGreaterThanOrEqualTo(1);
            var file = Path.Combine(AppContext.BaseDirectory, "screenshots", $"print{path.Replace('/', '-')}.pdf");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, pdf);
            await SaveScreenshotAsync($"print{path.Replace('/', '-')}.png", page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task CopyLink_Clicked_PutsTheViewsUrlOnTheClipboard()
    {
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await OpenAsync($"/departments/finance?{Range}&grain=quarter");

        await Page.Locator("[data-copy-link]").ClickAsync();

        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Link copied");
        (await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).Should().Be(Page.Url);
        Page.Url.Should().EndWith($"/departments/finance?{Range}&grain=quarter");
        Problems.All.Should().BeEmpty();
    }

    /// <summary>A chart's box on paper; settable properties, as Playwright fills them from the script's objects.</summary>
    private sealed class ChartBox
    {
        public double Width { get; set; }
        public double Height { get; set; }
        public string BreakInside { get; set; } = "";
    }
}
