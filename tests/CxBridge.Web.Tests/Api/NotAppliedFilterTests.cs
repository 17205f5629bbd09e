using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Web.Tests.Api;

/// <summary>
/// A dimension filter a metric's rows do not carry (MetricQuery.DimensionsOf) is not applied, and said so: the API lists
/// it in notApplied and answers exactly the unfiltered points; the overview's tile labels it. Checked for every metric of
/// the catalog and every dimension a filter may name, over the sample file of every import kind.
/// </summary>
public sealed class NotAppliedFilterTests(NotAppliedFilterTests.Samples app) : IClassFixture<NotAppliedFilterTests.Samples>
{
    /// <summary>The app with every sample file of samples/ imported through its own import service.</summary>
    public sealed class Samples : CxBridgeAppFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var imports = Services.GetRequiredService<ImportService>();
            foreach (var path in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.csv").Order())
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var kind = name.StartsWith("responses", StringComparison.Ordinal) ? "responses" : name;
                var report = await imports.ImportAsync(CsvFiles.RequestFor(path, kind: kind));
                report.Status.Should().Be(BatchStatus.Imported, $"{name}: {report.Message}");
            }
        }
    }

    private const string Range = "from=2025-01-01&to=2025-12-31&grain=quarter";
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Every (metric, dimension) pair where the metric's rows lack the dimension.</summary>
    public static TheoryData<string, string> ForeignDimensions()
    {
        var data = new TheoryData<string, string>();
        foreach (var metric in MetricCatalog.All)
        {
            foreach (var dimension in MetricFilter.KnownDimensions.Except(MetricQuery.DimensionsOf(metric)))
            {
                data.Add(metric.Code, dimension);
            }
        }
        return data;
    }

    /// <summary>Every (metric, dimension) pair where the metric's rows carry the dimension.</summary>
    public static TheoryData<string, string> OwnDimensions()
    {
        var data = new TheoryData<string, string>();
        foreach (var metric in MetricCatalog.All)
        {
            foreach (var dimension in MetricQuery.DimensionsOf(metric))
            {
                data.Add(metric.Code, dimension);
            }
        }
        return data;
    }

    public static TheoryData<string> Dimensions() => new(MetricFilter.KnownDimensions);

    private Task<JsonElement> GetAsync(string code, string filter = "") =>
        _client.GetFromJsonAsync<JsonElement>($"/api/metrics/{code}?{Range}{filter}");

    private static string[] NotApplied(JsonElement series) =>
        series.GetProperty("notApplied").EnumerateArray().Select(d => d.GetString()!).ToArray();

    private static int TotalN(JsonElement series) => series.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("n").GetInt32());

    [Fact]
    public void ForeignDimensions_CoverEveryMetricThatLacksOne()
    {
        var pairs = ForeignDimensions().Select(row => ((string)row[0], (string)row[1])).ToList();

        pairs.Should().HaveCount(52).And.Contain([("nps", "team"), ("clv", "department"), ("churn_rate", "channel"), ("frt", "region"), ("referral_rate", "agent")]);
        pairs.Select(p => p.Item1).Distinct().Should().HaveCount(MetricCatalog.All.Count, "every metric lacks at least one dimension");
    }

    [Theory]
    [MemberData(nameof(MetricCodes))]
    public async Task Samples_GiveEveryMetricRowsInTheRange(string code)
    {
        TotalN(await GetAsync(code)).Should().BeGreaterThan(0, "a filter that was applied would then change the points");
    }

    public static TheoryData<string> MetricCodes() => new(MetricCatalog.All.Select(m => m.Code));

    [Theory]
    [MemberData(nameof(ForeignDimensions))]
    public async Task Api_DimensionTheMetricsRowsLack_IsNotAppliedAndChangesNothing(string code, string dimension)
    {
        var unfiltered = await GetAsync(code);
        var filtered = await GetAsync(code, $"&{dimension}=x");

        NotApplied(unfiltered).Should().BeEmpty();
        NotApplied(filtered).Should().Equal(dimension);
        filtered.GetProperty("points").GetRawText().Should().Be(unfiltered.GetProperty("points").GetRawText());
    }

    [Theory]
    [MemberData(nameof(OwnDimensions))]
    public async Task Api_DimensionTheMetricsRowsCarry_IsApplied(string code, string dimension)
    {
        var filtered = await GetAsync(code, $"&{dimension}=x");

        NotApplied(filtered).Should().BeEmpty();
        TotalN(filtered).Should().Be(0, "no row has the value x");
    }

    [Fact]
    public async Task Api_OneDimensionThatAppliesAndOneThatDoesNot_AppliesTheFirstOnly()
    {
        var chat = await GetAsync("nps", "&channel=chat");
        var chatAndTeam = await GetAsync("nps", "&channel=chat&team=x");

        NotApplied(chatAndTeam).Should().Equal("team");
        chatAndTeam.GetProperty("points").GetRawText().Should().Be(chat.GetProperty("points").GetRawText());
        TotalN(chat).Should().BeLessThan(TotalN(await GetAsync("nps")), "the channel filter did apply");
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task Overview_TileOfAMetricWhoseRowsLackTheDimension_SaysTheFilterDoesNotApply(string dimension)
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}&{dimension}=x");

        foreach (var metric in MetricCatalog.All)
        {
            var label = page.One($"[data-metric={metric.Code}]").QuerySelector("[data-not-applied]");
            if (MetricQuery.DimensionsOf(metric).Contains(dimension))
            {
                label.Should().BeNull($"{metric.Code} rows carry {dimension}");
            }
            else
            {
                label.Should().NotBeNull($"{metric.Code} rows lack {dimension}");
                label!.Text().Should().Be($"The {dimension} filter does not apply to {metric.Name} (its data has no {dimension}): value not filtered by it");
            }
        }
    }
}
