using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class SeriesRefTests
{
    [Fact]
    public void FromCatalog_Sides_NorthStarMetricOrTheDepartmentsKpi()
    {
        SeriesRef.FromCatalog("north_star", "executive").Should().Be(SeriesRef.NorthStar);
        SeriesRef.FromCatalog("nps", "finance").Should().Be(SeriesRef.Metric("nps"));
        SeriesRef.FromCatalog("revenue", "finance").Should().Be(SeriesRef.Kpi("finance", "revenue"));
        SeriesRef.FromCatalog("revenue", "finance").Should().NotBe(SeriesRef.Kpi("executive", "revenue"));
    }

    [Fact]
    public void EveryCatalogPair_SidesAreMetricsTheNorthStarOrKpisOfItsOwnDepartment()
    {
        foreach (var department in DepartmentCatalog.All)
        {
            foreach (var pair in department.Pairs)
            {
                foreach (var side in new[] { SeriesRef.FromCatalog(pair.Driver, department.Code), SeriesRef.FromCatalog(pair.Outcome, department.Code) })
                {
                    if (side.Kind == SeriesKind.Kpi)
                    {
                        department.Kpis.Select(k => k.Code).Should().Contain(side.Code, $"{department.Code}: {pair}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Factories_NormaliseCodesAndKeepTheDepartmentOnlyForKpis()
    {
        var metric = SeriesRef.Metric(" NPS ");
        var kpi = SeriesRef.Kpi(" Finance ", "Revenue");

        (metric.Kind, metric.Code, metric.Department).Should().Be((SeriesKind.Metric, "nps", (string?)null));
        (kpi.Kind, kpi.Code, kpi.Department).Should().Be((SeriesKind.Kpi, "revenue", "finance"));
        (SeriesRef.NorthStar.Kind, SeriesRef.NorthStar.Code, SeriesRef.NorthStar.Department).Should().Be((SeriesKind.NorthStar, "north_star", (string?)null));
        SeriesRef.Create(SeriesKind.Metric, "csat", "ignored").Should().Be(SeriesRef.Metric("csat"));
        SeriesRef.Create(SeriesKind.NorthStar, "north_star", null).Should().Be(SeriesRef.NorthStar);
        new[] { metric.ToString(), kpi.ToString(), SeriesRef.NorthStar.ToString() }.Should().Equal("nps", "finance/revenue", "north_star");
    }

    [Fact]
    public void Factories_UnknownMetricOrKpiWithoutDepartment_Throw()
    {
        var unknown = () => SeriesRef.Metric("nsp");
        var noDepartment = () => SeriesRef.Create(SeriesKind.Kpi, "revenue", null);

        unknown.Should().Throw<ArgumentException>().WithMessage("'nsp' is not a metric: expected one of nps, enps, *");
        noDepartment.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("metric", SeriesKind.Metric)]
    [InlineData(" KPI ", SeriesKind.Kpi)]
    [InlineData("north_star", SeriesKind.NorthStar)]
    public void SeriesKinds_TryParse_Codes(string text, SeriesKind expected)
    {
        SeriesKinds.TryParse(text, out var kind).Should().BeTrue();
        kind.Should().Be(expected);
        SeriesKinds.TryParse("northstar", out _).Should().BeFalse();
    }

    [Fact]
    public void Directions_CodesParseAndMetricDirections()
    {
        Directions.All.Select(d => d.Code()).Should().Equal("up", "down", "neutral");
        Directions.TryParse(" Down ", out var down).Should().BeTrue();
        down.Should().Be(Direction.Down);
        Directions.TryParse("sideways", out _).Should().BeFalse();
        Directions.Of(MetricCatalog.Find("nps")!).Should().Be(Direction.Up);
        Directions.Of(MetricCatalog.Find("churn_rate")!).Should().Be(Direction.Down);
    }
}
