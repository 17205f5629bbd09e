using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class MetricCatalogTests
{
    [Fact]
    public void All_FiveSurveyMetricsInOrder()
    {
        MetricCatalog.All.Select(d => d.Code).Should().Equal("nps", "enps", "csat", "psat", "ces");
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
    [InlineData("churn_rate")]
    [InlineData("")]
    public void Find_UnknownCode_Null(string code)
    {
        MetricCatalog.Find(code).Should().BeNull(because: $"input '{code}'");
    }
}
