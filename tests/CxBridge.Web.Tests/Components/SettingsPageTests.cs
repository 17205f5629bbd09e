using Bunit;
using CxBridge.Data;
using CxBridge.Data.Settings;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Components.Pages.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// The /settings page over a real settings table: each field shows the value in force and where it comes from; Save
/// sends only what changed and shows each refusal at its field (nothing saved); reset puts the configured value back.
/// </summary>
public sealed class SettingsPageTests : ComponentTest, IClassFixture<TestDatabase>
{
    private readonly TestDatabase _db;
    private readonly SettingsStore _store;
    private readonly IRenderedComponent<MudSnackbarProvider> _snackbars;

    public SettingsPageTests(TestDatabase db)
    {
        _db = db;
        using (var clear = db.DataSource.CreateCommand("DELETE FROM settings"))
        {
            clear.ExecuteNonQuery();
        }
        _store = new SettingsStore(db.DataSource, new CxBridgeSettings { Currency = "GBP" }, NullLogger<SettingsStore>.Instance);
        Services.AddSingleton(_store);
        Render<MudPopoverProvider>();
        _snackbars = Render<MudSnackbarProvider>();
    }

    private static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Fields_ShowTheValueInForce_AndItsSource()
    {
        await _store.SaveAsync([KeyValuePair.Create("timeZone", (string?)"Europe/Paris")]);

        var page = Render<SettingsPage>();

        page.FindAll("h2").Select(h => h.TextContent).Should().Equal("Organisation", "Numbers and dates", "Metrics");
        page.FindAll("[data-setting]").Select(s => s.GetAttribute("data-setting")).Should().Equal(SettingsCatalog.All.Select(s => s.Key));
        page.Find("[data-setting=timeZone] input").GetAttribute("value").Should().Be("Europe/Paris");
        Text(page.Find("[data-setting=timeZone] [data-source]")).Should().Be("saved");
        Text(page.Find("[data-setting=timeZone] [data-default]")).Should().Be("configured: UTC");
        page.Find("[data-setting=timeZone] button[data-reset]").HasAttribute("disabled").Should().BeFalse();
        page.Find("[data-setting=currency] input").GetAttribute("value").Should().Be("GBP");
        Text(page.Find("[data-setting=currency] [data-source]")).Should().Be("from configuration");
        page.Find("[data-setting=currency] button[data-reset]").HasAttribute("disabled").Should().BeTrue("there is nothing saved to reset");
    }

    [Fact]
    public async Task Save_BadTimeZone_ShowsTheMessageAtTheField_AndSavesNothing()
    {
        var page = Render<SettingsPage>();
        page.Find("[data-setting=timeZone] input").Change("Mars/Olympus");
        page.Find("[data-setting=anonymityThreshold] input").Change("3");

        await page.Find("button[data-save]").ClickAsync(new());

        page.WaitForAssertion(() => Text(page.Find("[data-setting=timeZone] .mud-input-helper-text")).Should().Be(
            "'Mars/Olympus' is not a time zone: expected an IANA time zone id such as Europe/Paris, America/New_York or UTC"));
        page.Find("[data-setting=timeZone] .mud-input-control").ClassList.Should().Contain("mud-input-error");
        Text(page.Find("[data-settings-errors]")).Should().Be("Nothing was saved: one setting needs another value, shown at the field.");
        (await _db.CountAsync("SELECT count(*) FROM settings")).Should().Be(0);
        _store.Value.AnonymityThreshold.Should().Be(5, "the good value was not saved either");
        page.Find("[data-setting=anonymityThreshold] input").GetAttribute("value").Should().Be("3", "what was typed stays to be corrected");
    }

    [Fact]
    public async Task Save_ChangedFields_SavesThemAndSaysSo_ThenResetPutsTheConfiguredValueBack()
    {
        var page = Render<SettingsPage>();
        page.Find("[data-setting=currency] input").Change("eur");

        await page.Find("button[data-save]").ClickAsync(new());

        page.WaitForAssertion(() => Text(page.Find("[data-setting=currency] [data-source]")).Should().Be("saved"));
        page.Find("[data-setting=currency] input").GetAttribute("value").Should().Be("EUR");
        Text(_snackbars.Find(".mud-snackbar")).Should().Contain("Saved: Currency.");
        (await _db.CountAsync("SELECT count(*) FROM settings")).Should().Be(1, "only the changed field is saved");
        _store.Value.Currency.Should().Be("EUR");

        await page.Find("[data-setting=currency] button[data-reset]").ClickAsync(new());

        page.WaitForAssertion(() => Text(page.Find("[data-setting=currency] [data-source]")).Should().Be("from configuration"));
        page.Find("[data-setting=currency] input").GetAttribute("value").Should().Be("GBP");
        _store.Value.Currency.Should().Be("GBP");
    }
}
