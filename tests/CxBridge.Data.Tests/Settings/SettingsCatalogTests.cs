using CxBridge.Data.Settings;

namespace CxBridge.Data.Tests.Settings;

/// <summary>The checks every organisation setting gets (saved on /settings, PUT /api/settings, or configured), and the canonical form kept.</summary>
public sealed class SettingsCatalogTests
{
    [Theory]
    [InlineData("timeZone", "Mars/Olympus", "timeZone 'Mars/Olympus' is not a time zone: expected an IANA time zone id such as Europe/Paris, America/New_York or UTC")]
    [InlineData("timeZone", "../../etc/passwd", "timeZone '../../etc/passwd' is not a time zone: expected an IANA time zone id")]
    [InlineData("timeZone", "Romance Standard Time", "timeZone 'Romance Standard Time' is a Windows time zone id: expected its IANA id, Europe/Paris")]
    [InlineData("timeZone", "", "timeZone '' is not a time zone")]
    [InlineData("currency", "ZZZ", "currency 'ZZZ' is not a known ISO 4217 currency: expected a code in use such as EUR, GBP or USD")]
    [InlineData("currency", "EURO", "currency 'EURO' is not an ISO 4217 code: expected three letters such as EUR, GBP or USD")]
    [InlineData("locale", "xx-Nowhere", "locale 'xx-Nowhere' is not a known culture: expected a culture name such as en-GB, en-US or fr-FR")]
    [InlineData("locale", "", "locale '' is not a culture")]
    [InlineData("northStar", "happiness", "northStar 'happiness' is not a metric: expected one of nps, enps, csat, psat, ces, churn_rate")]
    [InlineData("churnBasis", "yearly", "churnBasis 'yearly' is not known: expected start or period")]
    [InlineData("csatScale", "5-1", "csatScale '5-1' is not a scale: expected min-max such as 1-5")]
    [InlineData("csatScale", "1-2", "csatScale '1-2' has fewer than 3 points (satisfied means the top two)")]
    [InlineData("csatScale", "1-1000", "csatScale '1-1000' is not a scale")]
    [InlineData("cesScale", "seven", "cesScale 'seven' is not a scale: expected min-max such as 1-7")]
    [InlineData("clvGrossMargin", "0", "clvGrossMargin '0' is outside (0, 1]: expected a fraction more than 0 and at most 1, such as 0.6")]
    [InlineData("clvGrossMargin", "1.5", "clvGrossMargin '1.5' is outside (0, 1]")]
    [InlineData("clvGrossMargin", "-0.2", "clvGrossMargin '-0.2' is outside (0, 1]")]
    [InlineData("clvGrossMargin", "60%", "clvGrossMargin '60%' is not a number")]
    [InlineData("clvGrossMargin", "NaN", "clvGrossMargin 'NaN' is not a number")]
    [InlineData("clvMaxLifespanYears", "0", "clvMaxLifespanYears '0' is not more than 0: expected a number of years more than 0, such as 10")]
    [InlineData("clvMaxLifespanYears", "Infinity", "clvMaxLifespanYears 'Infinity' is not a number")]
    [InlineData("smallSampleThreshold", "0", "smallSampleThreshold '0' is below the minimum: expected a whole number of at least 1, such as 30")]
    [InlineData("smallSampleThreshold", "2.5", "smallSampleThreshold '2.5' is not a whole number: expected a whole number of at least 1")]
    [InlineData("anonymityThreshold", "1", "anonymityThreshold '1' is below the minimum: expected a whole number of at least 2, such as 5")]
    [InlineData("organisationName", "  ", "organisationName '  ' is empty: expected a name of 1 to 100 characters")]
    [InlineData("organisationName", "Acme\nLtd", "organisationName 'Acme\nLtd' contains a control character")]
    [InlineData("colour", "blue", "colour 'colour' is not a setting: expected one of organisationName, timeZone, currency, locale, northStar")]
    public void Check_BadValue_IsRefusedNamingTheValueAndWhatWasExpected(string key, string value, string expected)
    {
        var (accepted, errors) = SettingsStore.Check([KeyValuePair.Create(key, (string?)value)]);

        accepted.Should().BeEmpty();
        errors.Should().ContainSingle().Which.Message.Should().StartWith(expected);
    }

    [Theory]
    [InlineData("timeZone", " Europe/Paris ", "Europe/Paris")]
    [InlineData("timeZone", "UTC", "UTC")]
    [InlineData("currency", "eur", "EUR")]
    [InlineData("locale", "EN-gb", "en-GB")]
    [InlineData("northStar", "CSAT", "csat")]
    [InlineData("churnBasis", "Period", "period")]
    [InlineData("csatScale", "1–10", "1-10")]
    [InlineData("cesScale", " 1 - 5 ", "1-5")]
    [InlineData("clvGrossMargin", "1", "1")]
    [InlineData("clvGrossMargin", "0.65", "0.65")]
    [InlineData("clvMaxLifespanYears", "7.5", "7.5")]
    [InlineData("smallSampleThreshold", "1", "1")]
    [InlineData("anonymityThreshold", "2", "2")]
    [InlineData("organisationName", "  Acme Ltd ", "Acme Ltd")]
    [InlineData("TIMEZONE", "Asia/Tokyo", "Asia/Tokyo")]
    public void Check_GoodValue_IsKeptInItsCanonicalForm(string key, string value, string stored)
    {
        var (accepted, errors) = SettingsStore.Check([KeyValuePair.Create(key, (string?)value)]);

        errors.Should().BeEmpty();
        accepted.Should().ContainSingle().Which.Value.Should().Be(stored);
    }

    [Fact]
    public void Check_SeveralBad_ReportsEveryOne()
    {
        var (_, errors) = SettingsStore.Check([
            KeyValuePair.Create("timeZone", (string?)"Mars/Olympus"), KeyValuePair.Create("currency", (string?)"EUR"),
            KeyValuePair.Create("anonymityThreshold", (string?)"1")]);

        errors.Select(e => e.Key).Should().Equal("timeZone", "anonymityThreshold");
    }

    [Fact]
    public void BuiltInDefaults_PassTheirChecks_AndAreTheDocumentedOnes()
    {
        var defaults = new CxBridgeSettings();

        SettingsCatalog.ConfigurationProblems(defaults).Should().BeEmpty();
        SettingsCatalog.All.ToDictionary(s => s.Key, s => s.Read(defaults)).Should().Equal(new Dictionary<string, string>
        {
            ["organisationName"] = "My organisation", ["timeZone"] = "UTC", ["currency"] = "USD", ["locale"] = "en-US", ["northStar"] = "nps",
            ["churnBasis"] = "start", ["csatScale"] = "1-5", ["cesScale"] = "1-7", ["clvGrossMargin"] = "1", ["clvMaxLifespanYears"] = "10",
            ["smallSampleThreshold"] = "30", ["anonymityThreshold"] = "5",
        });
    }

    [Fact]
    public void ConfigurationProblems_NameTheConfigurationKey()
    {
        var configured = new CxBridgeSettings { TimeZone = "Mars/Olympus", AnonymityThreshold = 1, Clv = { GrossMargin = 1.5 } };

        SettingsCatalog.ConfigurationProblems(configured).Should().Equal(
            "CxBridge:TimeZone 'Mars/Olympus' is not a time zone: expected an IANA time zone id such as Europe/Paris, America/New_York or UTC",
            "CxBridge:Clv:GrossMargin '1.5' is outside (0, 1]: expected a fraction more than 0 and at most 1, such as 0.6",
            "CxBridge:AnonymityThreshold '1' is below the minimum: expected a whole number of at least 2, such as 5");
    }

    [Fact]
    public void DefaultScales_FollowTheSettings_NpsStaysZeroToTen()
    {
        var scales = new CxBridgeSettings { CsatScale = "1-10", CesScale = "0-10" }.DefaultScales;

        (scales.For(Metrics.Survey.Csat), scales.For(Metrics.Survey.Psat), scales.For(Metrics.Survey.Ces), scales.For(Metrics.Survey.Nps), scales.For(Metrics.Survey.Enps))
            .Should().Be((new Metrics.ScoreScale(1, 10), new Metrics.ScoreScale(1, 10), new Metrics.ScoreScale(0, 10), new Metrics.ScoreScale(0, 10), new Metrics.ScoreScale(0, 10)));
    }
}
