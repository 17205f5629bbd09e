using CxBridge.Metrics;

namespace CxBridge.Data.Queries;

/// <summary>A metric over the periods of a filter, whatever table it comes from.</summary>
public sealed record MetricSeries(MetricDefinition Definition, MetricFilter Filter, IReadOnlyList<MetricPoint> Points);

/// <summary>The one entry point pages and the API use to read any of the thirteen metrics.</summary>
public sealed class MetricQuery(SurveyMetricQuery surveys, OperationalMetricQuery operational)
{
    public async Task<MetricSeries> SeriesAsync(MetricDefinition definition, MetricFilter filter, ChurnBasis? basis = null, CancellationToken ct = default)
    {
        var points = Surveys.TryParse(definition.Code, out var survey)
            ? (await surveys.SeriesAsync(survey, filter, ct)).Points
            : await operational.SeriesAsync(definition.Code, filter, basis, ct);
        return new MetricSeries(definition, filter, points);
    }
}
