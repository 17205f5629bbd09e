using System.Globalization;
using CxBridge.Web.Components.Layout;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxBridge.Web.Tests.Pages;

/// <summary>
/// What a page carries for paper, as the server renders it: the print stylesheet (for print media only), the light
/// palette for print whatever the screen theme, and a header naming the organisation, the time and the view's link, with
/// the filter in words. How it looks printed is checked in a real browser (Browser tests, PrintTests).
/// </summary>
public sealed class PrintTests(PrintTests.AcmeAppFactory app) : IClassFixture<PrintTests.AcmeAppFactory>
{
    /// <summary>The app with an organisation name of its own, so the header is seen to print the setting.</summary>
    public sealed class AcmeAppFactory : CxBridgeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CxBridge:OrganisationName", "Acme Print Co");
        }
    }

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Page_Head_LinksThePrintStylesheetForPrintMediaOnly()
    {
        var page = await _client.GetPageAsync("/");

        var link = page.One("link[rel=stylesheet][href*=print]");
        link.GetAttribute("media").Should().Be("print");
        var css = await _client.GetStringAsync(link.GetAttribute("href"));
        css.Should().Contain(".mud-appbar, .mud-drawer").And.Contain("break-inside: avoid").And.Contain(".print-header { display: flex !important;");
    }

    [Fact]
    public async Task PrintPalette_WhateverTheScreenTheme_IsTheLightPalette()
    {
        var page = await _client.GetPageAsync("/departments/finance");

        var style = page.One("style[media=print]").TextContent;
        // CxTheme's light palette (#1d5b8f primary, white surface), not its dark one (#8cc4f2 primary, #1b232d surface).
        style.Should().StartWith(":root:root {")
            .And.Contain("--mud-palette-primary: rgba(29,91,143,1);")
            .And.Contain("--mud-palette-surface: rgba(255,255,255,1);")
            .And.Contain("--mud-palette-background: rgba(245,247,250,1);")
            .And.NotContain("rgba(140,196,242,1)").And.NotContain("rgba(27,35,45,1)");
        style.Should().Be(PrintPalette.Css);
    }

    [Fact]
    public async Task PrintHeader_OnAFilteredPage_NamesTheOrganisationTheTimeTheLinkAndTheFilter()
    {
        const string View = "/departments/finance?from=2025-03-01&to=2025-08-31&grain=quarter&channel=email&channel=web";
        var page = await _client.GetPageAsync(View);

        page.One("[data-print-organisation]").Text().Should().Be("Acme Print Co");
        page.One("[data-print-url]").Text().Should().EndWith(View);
        page.One("[data-filter-summary]").Text().Should().Be("3/1/2025 – 8/31/2025 · by quarter · Channel: email, web");
        var stamp = page.One("[data-printed-at]");
        stamp.GetAttribute("data-time-zone").Should().Be("UTC");
        var printed = DateTime.ParseExact(stamp.TextContent.Trim(), "g", CultureInfo.GetCultureInfo("en-US"));
        printed.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(2), "the time the page was rendered, in the organisation's zone");
    }

    [Fact]
    public async Task FilterSummary_WholeRangeWithoutDimensions_IsTheDatesAndTheGrain()
    {
        var page = await _client.GetPageAsync("/?from=2026-01-01&to=2026-01-31&grain=total");

        page.One("[data-filter-summary]").Text().Should().Be("1/1/2026 – 1/31/2026 · whole range");
    }
}
