using CxBridge.Browser.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>axe-core (the accessibility rules engine) on the main pages, in the light and the dark theme.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper testOutput) : BrowserTest(app, chromium, testOutput)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
        await App.ImportAsync("tickets", TicketWave.Csv(TicketWave.DayInLastMonth(App.Today)));
    }

    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/metrics", ColorScheme.Light)]
    [InlineData("/metrics", ColorScheme.Dark)]
    [InlineData("/departments", ColorScheme.Light)]
    [InlineData("/metrics/nps?by=channel&drill=all", ColorScheme.Light)]
    [InlineData("/metrics/nps?by=channel&drill=all", ColorScheme.Dark)]
    [InlineData("/imports", ColorScheme.Light)]
    [InlineData("/imports", ColorScheme.Dark)]
    [InlineData("/definitions", ColorScheme.Light)]
    [InlineData("/definitions", ColorScheme.Dark)]
    [InlineData("/departments/service", ColorScheme.Light)]
    [InlineData("/departments/service", ColorScheme.Dark)]
    [InlineData("/departments/finance/setup", ColorScheme.Light)]
    public async Task Page_CheckedByAxe_HasNoSeriousOrCriticalViolation(string path, ColorScheme scheme)
    {
        // The app follows the system's preference: a dark-preferring browser gets the dark palette.
        var page = await Chromium.NewPageAsync(App.BaseAddress, colorScheme: scheme);
        try
        {
            await OpenAsync(page, path);
            var dark = scheme == ColorScheme.Dark ? "Use the light theme" : "Use the dark theme";
            await Assertions.Expect(page.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-label", dark);

            var results = await page.RunAxe();

            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
                .ToList();
            Output!.WriteLine($"{path} {scheme}: {results.Violations.Length} violations in all ({string.Join(", ", results.Violations.Select(v => $"{v.Id}:{v.Impact}"))})");
            serious.Should().BeEmpty();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
