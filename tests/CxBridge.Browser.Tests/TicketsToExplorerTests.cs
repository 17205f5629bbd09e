using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// From a tickets file to the tickets behind a number: upload it through the pages, read First Response Time on the
/// overview, then explore the metric and open the rows of its latest month. The data is <see cref="TicketWave"/>,
/// dated in last month so the default range shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketsToExplorerTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    private ILocator FrtTile => Page.Locator("[data-metric=frt]");

    [Fact]
    public async Task TicketsCsvUpload_FrtTileExploredAndMonthDrilled_ListsExactlyTheUploadedTickets()
    {
        var day = TicketWave.DayInLastMonth(App.Today);
        var month = day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(Files, "tickets-wave.csv");
        await File.WriteAllTextAsync(file, TicketWave.Csv(day), Encoding.UTF8);

        await Page.GotoAsync("/imports");
        // app.js submits the kind form when it changes: the page comes back with the tickets upload form.
        await Page.Locator("select[name=kind]").SelectOptionAsync("tickets");
        await Page.WaitForURLAsync(url => url.Contains("kind=tickets", StringComparison.Ordinal));
        var form = Page.Locator("#upload-form");
        (await form.Locator("input[name=kind]").InputValueAsync()).Should().Be("tickets");
        await form.Locator("input[name=file]").SetInputFilesAsync(file);
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

        await Page.WaitForURLAsync(new Regex("/imports/preview/[^/?]+\\?"));
        Page.Url.Should().Contain("kind=tickets");
        (await Page.Locator("[data-rows-read]").TextContentAsync()).Should().Be(TicketWave.Rows.ToString());
        (await Page.Locator("[data-rows-rejected]").TextContentAsync()).Should().Be("0");
        (await Page.Locator("#mapping-form select[name='map.first_response_at']").InputValueAsync()).Should().Be("first_response_at");

        await Page.Locator("#summary #import-button").ClickAsync();

        await Page.WaitForURLAsync(new Regex("/imports/\\d+$"));
        (await Page.Locator("#batch-status").TextContentAsync()).Should().Be("imported");
        (await Page.Locator("[data-field=rowsImported]").TextContentAsync()).Should().Be(TicketWave.Rows.ToString());

        await Page.GotoAsync("/");
        (await FrtTile.Locator("[data-value]").TextContentAsync()).Should().Be(TicketWave.Frt, "first responses after 1…12 hours: median (6 + 7) / 2");
        (await FrtTile.Locator("[data-n]").TextContentAsync()).Should().Be(TicketWave.Rows.ToString());

        await FrtTile.GetByRole(AriaRole.Link, new() { Name = "explore", Exact = true }).ClickAsync();

        await Page.WaitForURLAsync(new Regex("/metrics/frt(\\?|$)"));
        var lastMonth = Page.Locator("#periods tbody tr")
            .Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = month, Exact = true }) });
        (await lastMonth.CountAsync()).Should().Be(1, $"the periods table has one row for {month}");
        await lastMonth.GetByRole(AriaRole.Link, new() { Name = "rows", Exact = true }).ClickAsync();

        await Page.WaitForURLAsync(url => url.Contains($"drill={month}-01", StringComparison.Ordinal));
        (await Page.Locator("#rows h2").TextContentAsync()).Should().Contain($"{TicketWave.Rows} in {month}");
        var headers = await Page.Locator("#drill thead th").AllTextContentsAsync();
        var ticketColumn = headers.ToList().IndexOf("ticket_id");
        ticketColumn.Should().BeGreaterThanOrEqualTo(0, "the drill-down shows each ticket's id");
        var ids = await Page.Locator($"#drill tbody tr td:nth-child({ticketColumn + 1})").AllTextContentsAsync();
        ids.Should().BeEquivalentTo(TicketWave.Ids, "the rows behind n are exactly the uploaded tickets");
        (await Page.Locator("#drill tbody tr").CountAsync()).Should().Be(TicketWave.Rows);
        Problems.All.Should().BeEmpty();
        await SaveScreenshotAsync("frt-drill-after-upload.png");
    }

    /// <summary>Not asserted: a picture of the page next to the test assembly, for a person reviewing a run.</summary>
    private async Task SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
