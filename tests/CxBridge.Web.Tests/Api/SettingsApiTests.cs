using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Settings;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Web.Tests.Api;

/// <summary>
/// GET, PUT and DELETE /api/settings over a real database: a saved setting is in force on the next request for every
/// metric (churn basis, time zone, anonymity), a bad value is refused naming it with nothing saved, DELETE goes back to
/// the configured value, and the pages that print settings (definitions, DisplayFormat) follow.
/// </summary>
public sealed class SettingsApiTests(SettingsApiTests.App app) : IClassFixture<SettingsApiTests.App>, IAsyncLifetime, IDisposable
{
    /// <summary>The app with configured defaults that are not the built-in ones, so "back to the default" is visibly the configured value.</summary>
    public sealed class App : CxBridgeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CxBridge:Currency", "GBP");
            builder.UseSetting("CxBridge:Locale", "en-GB");
        }
    }

    private readonly HttpClient _client = app.CreateClient();
    private readonly CsvFiles _files = new();

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        foreach (var setting in SettingsCatalog.All)
        {
            (await _client.DeleteAsync($"/api/settings/{setting.Key}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _files.Dispose();

    private async Task ImportAsync(string kind, string csv, string? options = null)
    {
        var report = await app.Services.GetRequiredService<ImportService>().ImportAsync(_files.Request(csv, options, kind));
        report.Status.Should().Be(BatchStatus.Imported, string.Join("; ", report.Errors.Take(3)));
    }

    private async Task<HttpResponseMessage> PutAsync(string json) =>
        await _client.PutAsync("/api/settings", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<JsonElement> PutOkAsync(string json)
    {
        var response = await PutAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<List<(string Period, int N, double? Value, bool Suppressed)>> PointsAsync(string code, string query)
    {
        var series = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/{code}?{query}");
        return series.GetProperty("points").EnumerateArray().Select(p => (
            p.GetProperty("period").GetString()!, p.GetProperty("n").GetInt32(),
            p.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("value").GetDouble(),
            p.GetProperty("suppressed").GetBoolean())).ToList();
    }

    /// <summary>docs/metrics.md: at the start of March 80 ongoing customers, 20 new during March, 10 of the 80 leave.</summary>
    private static string SeedCustomers()
    {
        var csv = new StringBuilder("customer_id,started_at,ended_at\n");
        for (var i = 0; i < 80; i++)
        {
            csv.Append($"OLD{i},2024-06-01,{(i < 10 ? $"2025-03-{10 + i}" : "")}\n");
        }
        for (var i = 0; i < 20; i++)
        {
            csv.Append($"NEW{i},2025-03-{1 + i:00},\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Get_EverySetting_WithItsValueSourceAndDefault()
    {
        var answer = await _client.GetFromJsonAsync<JsonElement>("/api/settings");

        var values = answer.GetProperty("values");
        values.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(SettingsCatalog.All.Select(s => s.Key));
        answer.GetProperty("sources").EnumerateObject().Should().OnlyContain(p => p.Value.GetString() == "configuration")
            .And.HaveCount(SettingsCatalog.All.Count);
        (values.GetProperty("currency").GetString(), values.GetProperty("locale").GetString(), values.GetProperty("timeZone").GetString())
            .Should().Be(("GBP", "en-GB", "UTC"));
        (values.GetProperty("smallSampleThreshold").GetInt32(), values.GetProperty("clvGrossMargin").GetDouble(), values.GetProperty("csatScale").GetString())
            .Should().Be((30, 1.0, "1-5"));
        answer.GetProperty("defaults").GetProperty("currency").GetString().Should().Be("GBP");
        answer.GetProperty("savedAt").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public async Task ChurnBasis_Saved_TurnsChurnRateFromTheStartBasisToThePeriodBasis_AndDeleteTurnsItBack()
    {
        await ImportAsync("customers", SeedCustomers());
        const string march = "from=2025-03-01&to=2025-03-31&grain=total";
        (await PointsAsync("churn_rate", march)).Single().Should().Be(("2025-03-01", 80, 12.5, false), "start basis: 10 / 80");

        var answer = await PutOkAsync("""{"churnBasis": "period"}""");

        (answer.GetProperty("values").GetProperty("churnBasis").GetString(), answer.GetProperty("sources").GetProperty("churnBasis").GetString())
            .Should().Be(("period", "database"));
        (await PointsAsync("churn_rate", march)).Single().Should().Be(("2025-03-01", 100, 10.0, false), "period basis: 10 / 100");
        (await PointsAsync("churn_rate", march + "&basis=start")).Single().N.Should().Be(80, "a request that names its basis keeps it");

        var reset = await _client.DeleteFromJsonAsync<JsonElement>("/api/settings/churnBasis");

        reset.GetProperty("sources").GetProperty("churnBasis").GetString().Should().Be("configuration");
        (await PointsAsync("churn_rate", march)).Single().Should().Be(("2025-03-01", 80, 12.5, false));
    }

    [Fact]
    public async Task TimeZone_Saved_RecutsThePeriods()
    {
        await ImportAsync("responses", """
            score,responded_at
            8,2025-03-15T12:00:00Z
            0,2025-03-31T20:00:00Z
            10,2025-03-31T23:30:00Z
            0,2025-04-30T22:30:00Z
            """, "survey=nps");
        const string months = "from=2025-03-01&to=2025-05-31&grain=month";

        (await PointsAsync("nps", months)).Select(p => (p.Period, p.N, p.Value)).Should().Equal(
            ("2025-03-01", 3, 0.0), ("2025-04-01", 1, -100.0), ("2025-05-01", 0, null));

        await PutOkAsync("""{"timeZone": "Europe/Paris"}""");

        // 23:30 UTC on 31 March is 01:30 on 1 April in Paris; 22:30 UTC on 30 April is 00:30 on 1 May.
        (await PointsAsync("nps", months)).Select(p => (p.Period, p.N, p.Value)).Should().Equal(
            ("2025-03-01", 2, -50.0), ("2025-04-01", 1, 100.0), ("2025-05-01", 1, -100.0));
    }

    [Fact]
    public async Task AnonymityThreshold_Saved_ShowsAndHidesAnEnpsCutOfExactlyThatSize()
    {
        await ImportAsync("responses", "score,responded_at,department\n10,2025-03-03,hr\n10,2025-03-04,hr\n8,2025-03-05,hr\n0,2025-03-06,hr\n", "survey=enps");
        const string march = "from=2025-03-01&to=2025-03-31&grain=month";
        (await PointsAsync("enps", march)).Single().Should().Be(("2025-03-01", 4, null, true), "4 responses, below the default 5");

        await PutOkAsync("""{"anonymityThreshold": 4}""");
        (await PointsAsync("enps", march)).Single().Should().Be(("2025-03-01", 4, 25.0, false), "a cut of 4 is no longer below 4");

        await PutOkAsync("""{"anonymityThreshold": "5"}""");
        (await PointsAsync("enps", march)).Single().Should().Be(("2025-03-01", 4, null, true));
    }

    [Theory]
    [InlineData("""{"timeZone": "Mars/Olympus"}""", "timeZone", "timeZone 'Mars/Olympus' is not a time zone: expected an IANA time zone id such as Europe/Paris, America/New_York or UTC")]
    [InlineData("""{"currency": "ZZZ"}""", "currency", "currency 'ZZZ' is not a known ISO 4217 currency: expected a code in use such as EUR, GBP or USD")]
    [InlineData("""{"locale": "xx-Nowhere"}""", "locale", "locale 'xx-Nowhere' is not a known culture: expected a culture name such as en-GB, en-US or fr-FR")]
    [InlineData("""{"northStar": "happiness"}""", "northStar", "northStar 'happiness' is not a metric: expected one of nps, enps, csat, psat, ces, churn_rate, retention_rate, clv, fcr, frt, resolution_time, escalation_rate, referral_rate")]
    [InlineData("""{"churnBasis": "yearly"}""", "churnBasis", "churnBasis 'yearly' is not known: expected start or period")]
    [InlineData("""{"clvGrossMargin": 0}""", "clvGrossMargin", "clvGrossMargin '0' is outside (0, 1]: expected a fraction more than 0 and at most 1, such as 0.6")]
    [InlineData("""{"clvGrossMargin": 1.2}""", "clvGrossMargin", "clvGrossMargin '1.2' is outside (0, 1]: expected a fraction more than 0 and at most 1, such as 0.6")]
    [InlineData("""{"clvMaxLifespanYears": -1}""", "clvMaxLifespanYears", "clvMaxLifespanYears '-1' is not more than 0: expected a number of years more than 0, such as 10")]
    [InlineData("""{"smallSampleThreshold": 0}""", "smallSampleThreshold", "smallSampleThreshold '0' is below the minimum: expected a whole number of at least 1, such as 30")]
    [InlineData("""{"anonymityThreshold": 1}""", "anonymityThreshold", "anonymityThreshold '1' is below the minimum: expected a whole number of at least 2, such as 5")]
    [InlineData("""{"anonymityThreshold": true}""", "anonymityThreshold", "anonymityThreshold 'true' is not a whole number: expected a whole number of at least 2, such as 5")]
    [InlineData("""{"csatScale": "1-2"}""", "csatScale", "csatScale '1-2' has fewer than 3 points (satisfied means the top two): expected min-max such as 1-5, whole numbers with 0 ≤ min < max ≤ 100")]
    [InlineData("""{"organisationName": ""}""", "organisationName", "organisationName '' is empty: expected a name of 1 to 100 characters")]
    [InlineData("""{"timeZone": null}""", "timeZone", "timeZone is null: expected a value; DELETE /api/settings/timeZone puts it back to its configured value")]
    [InlineData("""{"colour": "blue"}""", "colour", "colour 'colour' is not a setting: expected one of organisationName, timeZone, currency, locale, northStar, churnBasis, csatScale, cesScale, clvGrossMargin, clvMaxLifespanYears, smallSampleThreshold, anonymityThreshold")]
    public async Task Put_BadValue_Is422NamingIt_AndSavesNothing(string json, string key, string message)
    {
        var response = await PutAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value[0].GetString())).Should().Equal((key, message));
        (await app.Database.CountAsync("SELECT count(*) FROM settings")).Should().Be(0);
    }

    [Fact]
    public async Task Put_GoodAndBadValuesTogether_SavesNone_AndNamesEveryBadOne()
    {
        var response = await PutAsync("""{"churnBasis": "period", "timeZone": "Mars/Olympus", "currency": "EUR", "clvGrossMargin": 1.5}""");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("timeZone", "clvGrossMargin");
        var settings = await _client.GetFromJsonAsync<JsonElement>("/api/settings");
        (settings.GetProperty("values").GetProperty("churnBasis").GetString(), settings.GetProperty("values").GetProperty("currency").GetString())
            .Should().Be(("start", "GBP"), "nothing was saved");
        (await app.Database.CountAsync("SELECT count(*) FROM settings")).Should().Be(0);
    }

    [Fact]
    public async Task Delete_RestoresTheConfiguredValue_NotTheBuiltInOne()
    {
        var saved = await PutOkAsync("""{"currency": "eur", "clvGrossMargin": "0.6"}""");
        (saved.GetProperty("values").GetProperty("currency").GetString(), saved.GetProperty("sources").GetProperty("currency").GetString())
            .Should().Be(("EUR", "database"));
        saved.GetProperty("savedAt").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("currency", "clvGrossMargin");

        var response = await _client.DeleteAsync("/api/settings/currency");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("values").GetProperty("currency").GetString(), answer.GetProperty("sources").GetProperty("currency").GetString())
            .Should().Be(("GBP", "configuration"), "the configured CxBridge:Currency, not the built-in USD");
        answer.GetProperty("values").GetProperty("clvGrossMargin").GetDouble().Should().Be(0.6);
        (await app.Database.CountAsync("SELECT count(*) FROM settings WHERE key = 'currency'")).Should().Be(0);
    }

    [Fact]
    public async Task Delete_UnknownSetting_Is404NamingTheKeys()
    {
        var response = await _client.DeleteAsync("/api/settings/colour");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'colour' is not a setting: expected one of organisationName, timeZone");
    }

    [Fact]
    public async Task OpenApi_DescribesTheSettingsAnswers()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var path = document.GetProperty("paths").GetProperty("/api/settings");
        path.GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Equal("200");
        path.GetProperty("put").GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo("200", "422");
        document.GetProperty("paths").GetProperty("/api/settings/{key}").GetProperty("delete").GetProperty("responses")
            .EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo("200", "404");
        document.GetProperty("components").GetProperty("schemas").GetProperty("SettingsValues").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(SettingsCatalog.All.Select(s => s.Key));
    }

    [Fact]
    public async Task Definitions_ShowTheSettingsInForce_AndWhereTheyComeFrom()
    {
        await PutOkAsync("""{"northStar": "csat", "timeZone": "Europe/Paris", "locale": "fr-FR", "anonymityThreshold": 7}""");

        var page = await _client.GetPageAsync("/definitions");

        page.One("#settings-in-force [data-setting=northStar]").Text().Should().Be("North Star metric: Customer Satisfaction (csat, saved; configured nps)");
        page.One("#settings-in-force [data-setting=timeZone]").Text().Should().Be("time zone Europe/Paris (saved; configured UTC)");
        page.One("#settings-in-force [data-setting=currency]").Text().Should().Be("currency GBP (from configuration)");
        page.One("#settings-in-force [data-setting=locale]").Text().Should().Be("locale fr-FR (saved; configured en-GB)");
        page.One("#enps [data-settings]").Text().Should().Contain("anonymity threshold (now 7, saved; configured 5): smaller eNPS cuts are hidden");
        page.One("#churn_rate [data-settings]").Text().Should().Contain("churn basis start | period (now start, from configuration)");
        page.One("#csat [data-scale]").Text().Should().StartWith("Scale of uploads that name none: 1-5 (from configuration)");
    }

    [Fact]
    public async Task DisplayFormat_WritesInTheLocaleCurrencyAndTimeZoneInForce()
    {
        var format = app.Services.GetRequiredService<DisplayFormat>();
        var instant = new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.Zero);
        (format.Culture.Name, format.Money(3000), format.DateTime(instant)).Should().Be(("en-GB", "£3,000", "31/03/2025 23:30"));

        await PutOkAsync("""{"locale": "de-DE", "currency": "EUR", "timeZone": "Asia/Tokyo"}""");

        (format.Culture.Name, format.CurrencySymbol, format.TimeZone.Id, format.Money(3000), format.DateTime(instant))
            .Should().Be(("de-DE", "€", "Asia/Tokyo", "€3.000", "01.04.2025 08:30"));
    }

    [Fact]
    public async Task SettingsPage_IsInTheNavigation_AndShowsEachSettingsSource()
    {
        await PutOkAsync("""{"timeZone": "Europe/Paris"}""");

        var page = await _client.GetPageAsync("/settings");

        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain("/settings");
        page.QuerySelectorAll("h2").Select(h => h.Text()).Should().Contain(["Organisation", "Numbers and dates", "Metrics"]);
        page.One("[data-setting=timeZone] [data-source]").Text().Should().Be("saved");
        page.One("[data-setting=timeZone] [data-default]").Text().Should().Be("configured: UTC");
        page.One("[data-setting=timeZone] input").GetAttribute("value").Should().Be("Europe/Paris");
        page.One("[data-setting=currency] [data-source]").Text().Should().Be("from configuration");
        page.One("[data-setting=currency] input").GetAttribute("value").Should().Be("GBP");
    }
}
