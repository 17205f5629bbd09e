using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CxBridge.Browser.Tests;

/// <summary>Undo on the batch page goes through a confirmation dialog: cancel keeps the rows, confirm removes them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UndoTests(BrowserAppFactory app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Undo_CancelledThenConfirmedInTheDialog_RemovesTheRowsOnlyWhenConfirmed()
    {
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
        using var api = new HttpClient { BaseAddress = App.BaseAddress };
        var batch = (await api.GetFromJsonAsync<JsonElement>("/api/imports"))[0].GetProperty("batchId").GetInt64();
        await OpenAsync($"/imports/{batch}");

        await Page.Locator("[data-undo]").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync($"import #{batch}");
        (await dialog.TextContentAsync()).Should().Contain($"{NpsWave.Rows} rows");
        await dialog.Locator("[data-cancel]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        (await Page.Locator("#batch-status [data-status]").TextContentAsync()).Should().Be("imported");
        (await App.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(NpsWave.Rows, "cancel keeps the rows");

        await Page.Locator("[data-undo]").ClickAsync();
        await Page.Locator(".mud-dialog [data-confirm]").ClickAsync();

        await Assertions.Expect(Page.Locator("#batch-status [data-status]")).ToHaveTextAsync("undone");
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync($"{NpsWave.Rows} rows removed");
        (await App.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
        (await Page.Locator("[data-undo]").CountAsync()).Should().Be(0, "an undone batch cannot be undone again");
        Problems.All.Should().BeEmpty();
    }
}
