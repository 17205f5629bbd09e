using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Browser.Tests.Infrastructure;
using CxBridge.Data.Settings;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxBridge.Browser.Tests;

/// <summary>
/// The settings page in Chromium: it loads cleanly and passes axe in both themes; a bad time zone is refused at its field,
/// a good one is saved (and the API says so), and reset puts the configured value back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(BrowserAppFactory app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private SettingsStore Store => App.Services.GetRequiredService<SettingsStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ResetSettingsAsync();
    }

    private async Task ResetSettingsAsync()
    {
        foreach (var setting in SettingsCatalog.All)
        {
            await Store.ResetAsync(setting.Key);
        }
    }

    [Fact]
    public async Task Page_Loaded_HasNoConsoleErrors_AndPassesAxeInBothThemes()
    {
        var response = await Page.GotoAsync("/settings");
        await WaitForCircuitAsync(Page);

        response!.Status.Should().Be(200);
        (await Page.Locator("main h1").TextContentAsync()).Should().Be("Settings");
        Problems.All.Should().BeEmpty();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await Chromium.NewPageAsync(App.BaseAddress, colorScheme: scheme);
            try
            {
                await OpenAsync(page, "/settings");
                var results = await page.RunAxe();
                results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
                    .Should().BeEmpty($"{scheme} theme");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task TimeZone_BadThenGood_IsRefusedAtTheField_ThenSaved_ThenResetToTheConfiguredValue()
    {
        try
        {
            await OpenAsync("/settings");
            var field = Page.Locator("[data-setting=timeZone]");

            await field.Locator("input").FillAsync("Mars/Olympus");
            await Page.Locator("button[data-save]").ClickAsync();

            await Assertions.Expect(field.Locator(".mud-input-helper-text")).ToHaveTextAsync(
                "'Mars/Olympus' is not a time zone: expected an IANA time zone id such as Europe/Paris, America/New_York or UTC");
            Store.Value.TimeZone.Should().Be("UTC");
            await SaveScreenshotAsync("settings-refused.png");

            await field.Locator("input").FillAsync("Europe/Paris");
            await Page.Locator("button[data-save]").ClickAsync();

            await Assertions.Expect(field.Locator("[data-source]")).ToHaveTextAsync("saved");
            await Assertions.Expect(Page.Locator(".mud-snackbar", new() { HasText = "Saved: Time zone." })).ToBeVisibleAsync();
            await SaveScreenshotAsync("settings-saved.png");
            using (var client = new HttpClient { BaseAddress = App.BaseAddress })
            {
                var settings = await client.GetFromJsonAsync<JsonElement>("/api/settings");
                (settings.GetProperty("values").GetProperty("timeZone").GetString(), settings.GetProperty("sources").GetProperty("timeZone").GetString())
                    .Should().Be(("Europe/Paris", "database"));
            }

            await field.Locator("button[data-reset]").ClickAsync();

            await Assertions.Expect(field.Locator("[data-source]")).ToHaveTextAsync("from configuration");
            await Assertions.Expect(field.Locator("input")).ToHaveValueAsync("UTC");
            Problems.All.Should().BeEmpty();
        }
        finally
        {
            await ResetSettingsAsync();
        }
    }
}
