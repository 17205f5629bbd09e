using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CxBridge.Browser.Tests;

/// <summary>Each page loads cleanly in a real browser: every asset found, no script or console errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageHealthTests(BrowserAppFactory app, ChromiumFixture chromium) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        // Data, so that the overview draws everything it can (filter values, tiles with numbers, charts).
        await app.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(app.Today)), "nps");
        _page = await chromium.NewPageAsync(app.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/imports")]
    [InlineData("/definitions")]
    public async Task Page_Loaded_HasNoConsoleErrorsOrFailedRequests(string path)
    {
        var problems = new PageProblems(_page);

        // "load": the stylesheets, the script and everything else the page asks for have arrived (or failed).
        var response = await _page.GotoAsync(path);

        response!.Status.Should().Be(200);
        (await _page.Locator("main h1").CountAsync()).Should().Be(1, "the page rendered its content");
        problems.All.Should().BeEmpty();
    }
}
