using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// From tickets to the tickets behind a number: read First Response Time on the overview, explore the metric, open the
/// rows of its latest month and sort them. The data is <see cref="TicketWave"/>, dated in last month so the default
/// range shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketsToExplorerTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    private ILocator FrtTile => Page.Locator("[data-metric=frt]");

    [Fact]
    public async Task FrtTile_ExploredAndItsMonthDrilled_ListsExactlyTheUploadedTickets_AndSortsThem()
    {
        var day = TicketWave.DayInLastMonth(App.Today);
        await App.ImportAsync("tickets", TicketWave.Csv(day));

        await OpenAsync("/");
        (await FrtTile.Locator("[data-value]").TextContentAsync()).Should().Be(TicketWave.Frt, "first responses after 1…12 hours: median (6 + 7) / 2");
        (await FrtTile.Locator("[data-n]").TextContentAsync()).Should().Be(TicketWave.Rows.ToString());

        await FrtTile.GetByRole(AriaRole.Link, new() { Name = "Explore First Response Time" }).ClickAsync();

        await WaitForUrlAsync(Page, new Regex("/metrics/frt(\\?|$)"));
        var period = new DateOnly(day.Year, day.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lastMonth = Page.Locator($"#periods tr[data-period='{period}']");
        await lastMonth.GetByRole(AriaRole.Link).ClickAsync();

        await WaitForUrlAsync(Page, url => url.Contains($"drill={period}", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#rows [data-total]")).ToHaveTextAsync(TicketWave.Rows.ToString());
        var headers = (await Page.Locator("#drill thead th").AllTextContentsAsync()).Select(h => h.Trim()).ToList();
        var ticketColumn = headers.IndexOf("ticket_id");
        ticketColumn.Should().BeGreaterThanOrEqualTo(0, "the drill-down shows each ticket's id");
        var ids = await Page.Locator($"#drill tbody tr td:nth-child({ticketColumn + 1})").AllTextContentsAsync();
        ids.Should().BeEquivalentTo(TicketWave.Ids, "the rows behind n are exactly the uploaded tickets");

        // Sorting is done by the server and kept in the URL: twice on first_response_hours = slowest first.
        var sort = Page.Locator("#drill thead th button", new() { HasText = "first_response_hours" });
        await ClickUntilUrlAsync(Page, sort, url => url.Contains("sort=first_response_hours", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#drill thead th[aria-sort=ascending]")).ToContainTextAsync("first_response_hours");
        await ClickUntilUrlAsync(Page, sort, url => url.Contains("sort=-first_response_hours", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator($"#drill tbody tr >> nth=0 >> td:nth-child({ticketColumn + 1})")).ToHaveTextAsync(TicketWave.Ids[^1]);
        Problems.All.Should().BeEmpty();
        await SaveScreenshotAsync("frt-drill.png");
    }
}
