using System.Collections.Concurrent;
using CxBridge.Data.Events;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data.Departments;

/// <summary>
/// What a department page shows for a filter (<see cref="LoadAsync"/>), and the list of departments with each one's
/// attainment and strongest link (<see cref="OverviewAsync"/>). Every number comes from the queries the rest of the app
/// uses: headlines from <see cref="HeadlineQuery"/>, metric series from <see cref="MetricQuery"/>, KPIs from
/// <see cref="DepartmentCatalogQuery.KpiSeriesAsync"/>; the linkage statistics from <see cref="LinkageAnalysis"/>.
/// Safe to call concurrently: nothing is kept between calls, and each read has its own connection.
/// </summary>
public sealed class DepartmentQuery(
    DepartmentCatalogQuery catalog,
    EventQuery events,
    MetricQuery metrics,
    HeadlineQuery headlines,
    IOptions<CxBridgeSettings> settings)
{
    /// <summary>Months of the linkage window when the filter's range is shorter: two years of monthly changes.</summary>
    public const int LinkageMonths = 24;

    /// <summary>
    /// The months linkage statistics are computed over: the <see cref="LinkageMonths"/> whole months ending with the last
    /// whole month of the filter's range, or every whole month of the range when it has more. A month is whole when the
    /// range covers all of it and it is over (today is a day "so far"), so a partial month never makes a change.
    /// Returns the 1st of the first month and the last day of the last month.
    /// </summary>
    public static (DateOnly From, DateOnly To) LinkageWindow(MetricFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The last day that is both in the range and over; the month it ends is whole only when it is the month's last day.
        var lastDay = filter.To < today.AddDays(-1) ? filter.To : today.AddDays(-1);
        var lastMonth = MonthOf(lastDay.AddDays(1)).AddMonths(-1);
        var firstWholeMonth = filter.From.Day == 1 ? filter.From : MonthOf(filter.From).AddMonths(1);
        var first = lastMonth.AddMonths(-(LinkageMonths - 1));
        if (firstWholeMonth < first)
        {
            first = firstWholeMonth;
        }
        return (first, lastMonth.AddMonths(1).AddDays(-1));
    }

    /// <summary>The department's page for the filter; null when there is no such department (code in any case).</summary>
    public async Task<DepartmentView?> LoadAsync(string code, MetricFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(filter);
        var setup = await catalog.LoadAsync(code, ct);
        return setup is null ? null : await BuildAsync(setup, new Reader(catalog, metrics, headlines, filter, ct));
    }

    /// <summary>
    /// Every department in page order with its attainment for the filter, its worst miss and its strongest link, each as
    /// its own page computes them (q-values are per page). Metric headlines and series are read once for all departments.
    /// </summary>
    public async Task<IReadOnlyList<DepartmentOverview>> OverviewAsync(MetricFilter filter, CancellationToken ct = default) =>
        (await PagesAsync(filter, ct)).Select(p => Overview(p.Summary, p.View)).ToList();

    /// <summary>
    /// Every department's page for the filter, in page order, with its summary (metric headlines and series read once
    /// for all departments): what <see cref="OverviewAsync"/> condenses, for a page that needs one of them in full too.
    /// </summary>
    public async Task<IReadOnlyList<(DepartmentSummary Summary, DepartmentView View)>> PagesAsync(MetricFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var summaries = await catalog.ListAsync(ct);
        var reader = new Reader(catalog, metrics, headlines, filter, ct);
        var views = await Task.WhenAll(summaries.Select(async summary =>
            await catalog.LoadAsync(summary.Code, ct) is { } setup ? await BuildAsync(setup, reader) : null));
        var pages = new List<(DepartmentSummary, DepartmentView)>();
        for (var i = 0; i < summaries.Count; i++)
        {
            if (views[i] is { } view)
            {
                pages.Add((summaries[i], view)); // A department removed between the list and its load is left out.
            }
        }
        return pages;
    }

    /// <summary>A department's line in the list: its attainment, worst miss and strongest link (smallest q moving as expected).</summary>
    public static DepartmentOverview Overview(DepartmentSummary summary, DepartmentView view)
    {
        var strongest = view.Linkages
            .Select((linkage, position) => (linkage, position))
            .Where(l => l.linkage.Result.Verdict == LinkageVerdict.MovesAsExpected)
            .OrderBy(l => l.linkage.Result.Strongest!.Q)
            .ThenBy(l => l.position)
            .Select(l => l.linkage)
            .FirstOrDefault();
        return new DepartmentOverview(summary, view.Attainment, view.WorstMiss, strongest);
    }

    /// <summary>
    /// How far a value is from good in the target's direction, relative to good (see <see cref="TargetMiss"/>); null when
    /// the target is met or there is no value.
    /// </summary>
    public static double? Shortfall(Target target, double? value)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.StatusOf(value) is not TargetStatus.BelowGood)
        {
            return null;
        }
        var miss = target.Direction == Direction.Up ? target.Good - value!.Value : value!.Value - target.Good;
        var scale = Math.Abs(target.Good) > 0 ? Math.Abs(target.Good) : Math.Abs(target.Best - target.Good) > 0 ? Math.Abs(target.Best - target.Good) : 1;
        return miss / scale;
    }

    private async Task<DepartmentView> BuildAsync(DepartmentSetup setup, Reader reader)
    {
        var northStar = settings.Value.NorthStarMetric;
        var (linkageFrom, linkageTo) = LinkageWindow(reader.Filter, metrics.Today);

        var shown = setup.Metrics.Select(MetricCatalog.Find).OfType<MetricDefinition>().ToList();
        var metricTargets = setup.Targets.Where(t => t.Subject.Kind == SeriesKind.Metric).ToDictionary(t => t.Subject.Code, t => t.Target);
        var kpiTargets = setup.Targets.Where(t => t.Subject.Kind == SeriesKind.Kpi).ToDictionary(t => t.Subject.Code, t => t.Target);

        var headlineTasks = shown.Select(d => reader.Headline(d)).ToList();
        var kpiTasks = setup.Kpis.Select(k => reader.KpiRange(setup.Code, k.Code)).ToList();
        var linkageTask = LinkagesAsync(setup, reader, northStar, linkageFrom, linkageTo);
        var eventsTask = events.ListAsync(reader.Filter.From, reader.Filter.To, setup.Code, reader.Ct);

        var metricViews = new List<DepartmentMetricView>();
        for (var i = 0; i < shown.Count; i++)
        {
            var headline = await headlineTasks[i];
            var target = metricTargets.GetValueOrDefault(shown[i].Code);
            metricViews.Add(new DepartmentMetricView(headline, target, target?.StatusOf(headline.Latest.Value)));
        }

        var kpiViews = new List<DepartmentKpiView>();
        for (var i = 0; i < setup.Kpis.Count; i++)
        {
            var points = await kpiTasks[i];
            var latest = points.Count > 0 ? points[^1] : null;
            var previous = points.Count > 1 ? points[^2] : null;
            var target = kpiTargets.GetValueOrDefault(setup.Kpis[i].Code);
            kpiViews.Add(new DepartmentKpiView(setup.Kpis[i], points, latest, previous, target, target?.StatusOf(latest?.Value)));
        }

        // Every target with its subject's latest value; a target on a metric the page does not show (not possible through
        // the editor) still counts, with that metric's headline.
        var assessed = new List<(CatalogTarget Target, string Name, double? Latest)>();
        foreach (var target in setup.Targets)
        {
            if (target.Subject.Kind == SeriesKind.Metric)
            {
                var view = metricViews.FirstOrDefault(m => m.Headline.Definition.Code == target.Subject.Code);
                var headline = view?.Headline ?? (MetricCatalog.Find(target.Subject.Code) is { } d ? await reader.Headline(d) : null);
                assessed.Add((target, headline?.Definition.Name ?? target.Subject.Code, headline?.Latest.Value));
            }
            else
            {
                var view = kpiViews.FirstOrDefault(k => k.Kpi.Code == target.Subject.Code);
                assessed.Add((target, view?.Kpi.Name ?? target.Subject.Code, view?.Latest?.Value));
            }
        }
        var attainment = Attainment.Of(assessed.Select(a => (a.Target.Target, a.Latest)));
        var worst = assessed
            .Select((a, position) => (a, position, shortfall: Shortfall(a.Target.Target, a.Latest)))
            .Where(x => x.shortfall is not null)
            .OrderByDescending(x => x.shortfall)
            .ThenBy(x => x.position)
            .Select(x => new TargetMiss(x.a.Target.Subject, x.a.Name, x.a.Latest!.Value, x.a.Target.Target, x.shortfall!.Value))
            .FirstOrDefault();

        return new DepartmentView(setup.Code, setup.Name, setup.Question, reader.Filter, metricViews, kpiViews,
            await linkageTask, await eventsTask, attainment, linkageFrom, linkageTo)
        {
            NorthStar = northStar,
            WorstMiss = worst,
        };
    }

    /// <summary>Every pair's series over the window, analysed, then false-discovery control once across all of them.</summary>
    private static async Task<IReadOnlyList<LinkageView>> LinkagesAsync(
        DepartmentSetup setup, Reader reader, MetricDefinition northStar, DateOnly from, DateOnly to)
    {
        var sides = await Task.WhenAll(setup.Pairs.Select(async pair =>
        {
            var driver = DescribeAsync(pair.Driver, reader, northStar);
            var outcome = DescribeAsync(pair.Outcome, reader, northStar);
            var driverSeries = reader.Monthly(pair.Driver, northStar, from, to);
            var outcomeSeries = reader.Monthly(pair.Outcome, northStar, from, to);
            return (pair, driver: await driver, outcome: await outcome, x: await driverSeries, y: await outcomeSeries);
        }));
        var results = LinkageAnalysis.ControlFalseDiscovery(
            sides.Select(s => LinkageAnalysis.Analyse(s.x, s.y, s.pair.ExpectedSign)).ToList());
        return sides.Select((s, i) => new LinkageView(s.pair, s.driver, s.outcome, results[i], s.x, s.y)
        {
            VerdictText = LinkageWording.VerdictSentence(results[i], s.driver.SentenceName, s.outcome.SentenceName),
        }).ToList();
    }

    private static async Task<SeriesInfo> DescribeAsync(SeriesRef series, Reader reader, MetricDefinition northStar)
    {
        switch (series.Kind)
        {
            case SeriesKind.Metric:
            case SeriesKind.NorthStar:
                var metric = series.Kind == SeriesKind.NorthStar ? northStar : MetricCatalog.Find(series.Code)!;
                return new SeriesInfo(series, metric.Code, metric.Name, metric.Unit, metric.HigherIsBetter, metric.Unit == "currency")
                {
                    SentenceName = MetricSentenceName(metric),
                };
            default:
                var kpis = await reader.Kpis(series.Department!);
                var kpi = kpis.FirstOrDefault(k => k.Code == series.Code);
                var unit = kpi?.Unit ?? "";
                var name = kpi?.Name ?? series.Code;
                return new SeriesInfo(series, series.Code, name, unit, kpi?.Direction != Direction.Down,
                    unit.StartsWith("currency", StringComparison.OrdinalIgnoreCase) || kpi?.Currency is not null)
                {
                    SentenceName = KpiSentenceName(name),
                    Currency = kpi?.Currency,
                    Direction = kpi?.Direction ?? Direction.Neutral,
                };
        }
    }

    /// <summary>How a metric reads mid-sentence: "NPS", "CES", "churn", "first response time".</summary>
    public static string MetricSentenceName(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Code switch
        {
            "nps" => "NPS",
            "enps" => "eNPS",
            "csat" => "CSAT",
            "psat" => "PSAT",
            "ces" => "CES",
            "clv" => "CLV",
            "fcr" => "FCR",
            "churn_rate" => "churn",
            "retention_rate" => "retention",
            "frt" => "first response time",
            "resolution_time" => "resolution time",
            "escalation_rate" => "the escalation rate",
            "referral_rate" => "the referral rate",
            _ => metric.Name,
        };
    }

    /// <summary>A KPI's name mid-sentence: the first letter lower-cased unless the first word looks like an acronym ("MQLs").</summary>
    public static string KpiSentenceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsUpper(name[0]) || name.Length > 1 && char.IsUpper(name[1]))
        {
            return name;
        }
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The reads of one call, each done once however many departments or pairs need it (the overview shares one reader
    /// across departments): headlines per metric, monthly series per series reference, KPI catalogs and ranges.
    /// </summary>
    private sealed class Reader(DepartmentCatalogQuery catalog, MetricQuery metrics, HeadlineQuery headlines, MetricFilter filter, CancellationToken ct)
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _reads = new(StringComparer.Ordinal);

        public MetricFilter Filter => filter;

        public CancellationToken Ct => ct;

        public Task<MetricHeadline> Headline(MetricDefinition metric) =>
            Once($"headline:{metric.Code}", async () => await headlines.ForAsync(metric, filter, ct: ct));

        public Task<IReadOnlyList<CatalogKpi>> Kpis(string department) =>
            Once($"kpis:{department}", async () => await catalog.KpisAsync(department, ct));

        /// <summary>A KPI's months in the filter's range.</summary>
        public Task<IReadOnlyList<KpiPoint>> KpiRange(string department, string kpi) =>
            Once($"kpi-range:{department}/{kpi}", async () => await catalog.KpiSeriesAsync(department, kpi, filter.From, filter.To, ct));

        /// <summary>
        /// A series over the linkage window, month's 1st → value: a metric (or the North Star's) at month grain with the
        /// filter's dimensions, where n &gt; 0 and the value is not suppressed; a KPI's monthly values (KPIs have no dimensions).
        /// </summary>
        public Task<IReadOnlyDictionary<DateOnly, double>> Monthly(SeriesRef series, MetricDefinition northStar, DateOnly from, DateOnly to)
        {
            if (series.Kind == SeriesKind.Kpi)
            {
                return Once($"monthly:kpi:{series.Department}/{series.Code}", async () =>
                    (IReadOnlyDictionary<DateOnly, double>)(await catalog.KpiSeriesAsync(series.Department!, series.Code, from, to, ct))
                        .Where(p => double.IsFinite(p.Value))
                        .ToDictionary(p => p.Period, p => p.Value));
            }
            var metric = series.Kind == SeriesKind.NorthStar ? northStar : MetricCatalog.Find(series.Code)!;
            return Once($"monthly:metric:{metric.Code}", async () =>
            {
                var monthly = filter with { From = from, To = to, Grain = Grain.Month };
                var points = (await metrics.SeriesAsync(metric, monthly, ct: ct)).Points;
                return (IReadOnlyDictionary<DateOnly, double>)points
                    .Where(p => p is { N: > 0, Suppressed: false, Value: { } v } && double.IsFinite(v))
                    .ToDictionary(p => p.Period, p => p.Value!.Value);
            });
        }

        private async Task<T> Once<T>(string key, Func<Task<T>> read) where T : class =>
            (T)await _reads.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await read())).Value;
    }
}
