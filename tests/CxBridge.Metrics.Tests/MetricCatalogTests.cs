using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class MetricCatalogTests
{
    [Fact]
    public void All_FiveSurveyMetricsFirstInOrder()
    {
        MetricCatalog.All.Take(5).Select(d => d.Code).Should().Equal("nps", "enps", "csat", "psat", "ces");
    }

    [Fact]
    public void All_ThirteenUniqueCodesOfDesignMd()
    {
        // docs/data-contract.md metric codes; exact.
        string[] expected =
        [
            "nps", "enps", "csat", "psat", "ces", "churn_rate", "retention_rate", "clv", "fcr", "frt",
            "resolution_time", "escalation_rate", "referral_rate",
        ];

        MetricCatalog.All.Select(d => d.Code).Should().Equal(expected);
        MetricCatalog.All.Select(d => d.Code).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("churn_rate", "%", false, "customers")]
    [InlineData("retention_rate", "%", true, "customers")]
    [InlineData("clv", "currency", true, "orders")]
    [InlineData("fcr", "%", true, "tickets")]
    [InlineData("frt", "hours", false, "tickets")]
    [InlineData("resolution_time", "hours", false, "tickets")]
    [InlineData("escalation_rate", "%", false, "tickets")]
    [InlineData("referral_rate", "%", true, "orders")]
    public void Find_OperationalCode_UnitDirectionSourceAndText(string code, string unit, bool higherIsBetter, string source)
    {
        var definition = MetricCatalog.Find($" {code.ToUpperInvariant()} ");

        definition.Should().NotBeNull(because: $"input {code}");
        definition!.Code.Should().Be(code);
        definition.Unit.Should().Be(unit, because: $"input {code}");
        definition.HigherIsBetter.Should().Be(higherIsBetter, because: $"input {code}");
        definition.Source.Should().Be(source, because: $"input {code}");
        definition.Version.Should().Be(1);
        definition.Name.Should().NotBeNullOrWhiteSpace();
        definition.Definition.Should().NotBeNullOrWhiteSpace();
        definition.Formula.Should().NotBeNullOrWhiteSpace();
        definition.Example.Should().NotBeNullOrWhiteSpace();
        definition.Settings.Should().Contain(nameof(MetricSettings.SmallSampleThreshold));
    }

    [Fact]
    public void All_SurveyMetrics_SourceResponses()
    {
        MetricCatalog.All.Take(5).Should().OnlyContain(d => d.Source == MetricSources.Responses);
    }

    [Fact]
    public void Find_ChurnAndClv_NameTheirSettings()
    {
        MetricCatalog.Find("churn_rate")!.Settings.Should().Contain(nameof(MetricSettings.ChurnBasis));
        MetricCatalog.Find("clv")!.Settings.Should().Contain([nameof(MetricSettings.ClvGrossMargin), nameof(MetricSettings.ClvMaxLifespanYears)]);
    }

    [Theory]
    [InlineData("churn_rate", "87.5%")]
    [InlineData("churn_rate", "12.5%")]
    [InlineData("retention_rate", "87.5%")]
    [InlineData("clv", "$3,000")]
    [InlineData("clv", "$4,062.50")]
    [InlineData("fcr", "70%")]
    [InlineData("escalation_rate", "3%")]
    [InlineData("referral_rate", "1 purchase in 100")]
    public void Find_OperationalCode_ExampleFromMetricsMd(string code, string fragment)
    {
        var definition = MetricCatalog.Find(code)!;

        (definition.Example + " " + definition.Definition).Should().Contain(fragment, because: $"input {code}");
    }

    [Theory]
    [InlineData("nps", "points")]
    [InlineData("enps", "points")]
    [InlineData("csat", "%")]
    [InlineData("psat", "%")]
    [InlineData("ces", "mean (1–7)")]
    public void Find_Code_UnitVersionAndText(string code, string unit)
    {
        var definition = MetricCatalog.Find(code.ToUpperInvariant());

        definition.Should().NotBeNull(because: $"input {code}");
        definition!.Code.Should().Be(code);
        definition.Unit.Should().Be(unit);
        definition.Version.Should().Be(1);
        definition.HigherIsBetter.Should().BeTrue();
        definition.Definition.Should().NotBeNullOrWhiteSpace();
        definition.Formula.Should().NotBeNullOrWhiteSpace();
        definition.Example.Should().NotBeNullOrWhiteSpace();
        definition.Settings.Should().Contain(nameof(MetricSettings.SmallSampleThreshold));
    }

    [Fact]
    public void Find_Enps_NamesAnonymitySetting()
    {
        MetricCatalog.Find("enps")!.Settings.Should().Contain(nameof(MetricSettings.AnonymityThreshold));
    }

    [Theory]
    [InlineData("north_star")]
    [InlineData("")]
    public void Find_UnknownCode_Null(string code)
    {
        MetricCatalog.Find(code).Should().BeNull(because: $"input '{code}'");
    }
}
