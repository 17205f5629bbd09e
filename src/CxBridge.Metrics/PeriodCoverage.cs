namespace CxBridge.Metrics;

/// <summary>
/// The part of a calendar period that a value covers: the days [<see cref="Start"/>, <see cref="End"/>) of the
/// period [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>). A value is <see cref="IsPartial"/> when the selected
/// range cuts its period short at either end, or when the period has not ended yet (it holds today or later days):
/// such a value is "so far" and is only compared with the same elapsed part of the previous period
/// (docs/metrics.md, "Periods and partial periods").
/// </summary>
public sealed record PeriodCoverage(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Start, DateOnly End)
{
    /// <summary>True when the value covers less than its whole, finished period.</summary>
    public bool IsPartial { get; init; }

    /// <summary>Days covered (today counts as a day so far).</summary>
    public int Days => Math.Max(0, End.DayNumber - Start.DayNumber);

    /// <summary>Days in the whole period.</summary>
    public int PeriodDays => PeriodEnd.DayNumber - PeriodStart.DayNumber;

    /// <summary>
    /// The coverage of the period starting at <paramref name="periodStart"/> for a filter from <paramref name="from"/> to
    /// <paramref name="to"/> (inclusive) seen on <paramref name="today"/> (the organisation's date).
    /// Grain total: the period is the whole range [from, to + 1), partial when it reaches today or later.
    /// Other grains: the calendar period, covered from max(start, from) to min(next start, to + 1, today + 1),
    /// partial when either bound cuts it or when the period ends after today.
    /// </summary>
    public static PeriodCoverage Of(DateOnly periodStart, Grain grain, DateOnly from, DateOnly to, DateOnly today)
    {
        var periodEnd = grain == Grain.Total ? to.AddDays(1) : Periods.NextStart(periodStart, grain);
        var start = periodStart < from ? from : periodStart;
        var end = Min(Min(periodEnd, to.AddDays(1)), today.AddDays(1));
        if (end < start)
        {
            end = start;
        }
        var partial = start > periodStart || to.AddDays(1) < periodEnd || periodEnd > today;
        return new PeriodCoverage(periodStart, periodEnd, start, end) { IsPartial = partial };
    }

    /// <summary>
    /// The window to compare this value with: the whole previous period when this one is complete; otherwise the same
    /// days of the previous period (same offsets from its start, cut at its end). Grain total: the window of the same
    /// number of covered days just before <see cref="Start"/>.
    /// </summary>
    public PeriodCoverage Previous(Grain grain)
    {
        if (grain == Grain.Total)
        {
            var length = Math.Max(1, Days);
            var previousStart = Start.AddDays(-length);
            return new PeriodCoverage(previousStart, Start, previousStart, Start);
        }
        var periodStart = Periods.StartOf(PeriodStart.AddDays(-1), grain);
        var periodEnd = PeriodStart;
        if (!IsPartial)
        {
            return new PeriodCoverage(periodStart, periodEnd, periodStart, periodEnd);
        }
        var start = Min(periodStart.AddDays(Start.DayNumber - PeriodStart.DayNumber), periodEnd);
        var end = Min(periodStart.AddDays(End.DayNumber - PeriodStart.DayNumber), periodEnd);
        return new PeriodCoverage(periodStart, periodEnd, start, end) { IsPartial = start > periodStart || end < periodEnd };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
