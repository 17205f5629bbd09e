namespace CxBridge.Metrics;

/// <summary>
/// Calendar periods of docs/metrics.md ("Periods and partial periods") on plain dates (the caller has already moved timestamps into the
/// organisation's time zone). A period is [start, next start).
/// </summary>
public static class Periods
{
    /// <summary>
    /// First day of the period holding <paramref name="day"/>: the Monday on or before it (Week), the 1st of its
    /// month (Month), of January/April/July/October (Quarter), 1 January (Year); Total → <paramref name="from"/>.
    /// </summary>
    public static DateOnly StartOf(DateOnly day, Grain grain, DateOnly from = default) => grain switch
    {
        Grain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Grain.Month => new DateOnly(day.Year, day.Month, 1),
        Grain.Quarter => new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1),
        Grain.Year => new DateOnly(day.Year, 1, 1),
        Grain.Total => from,
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "Unknown grain."),
    };

    /// <summary>
    /// First day of the period after the one starting at <paramref name="start"/>.
    /// Total has no next period: <see cref="DateOnly.MaxValue"/> (callers bound a total by their own end date).
    /// </summary>
    public static DateOnly NextStart(DateOnly start, Grain grain) => grain switch
    {
        Grain.Week => StartOf(start, grain).AddDays(7),
        Grain.Month => StartOf(start, grain).AddMonths(1),
        Grain.Quarter => StartOf(start, grain).AddMonths(3),
        Grain.Year => StartOf(start, grain).AddYears(1),
        Grain.Total => DateOnly.MaxValue,
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "Unknown grain."),
    };

    /// <summary>
    /// Every period start from StartOf(<paramref name="from"/>) to StartOf(<paramref name="to"/>), both inclusive;
    /// Total → exactly one period, starting at <paramref name="from"/>. Empty when <paramref name="to"/> is before
    /// <paramref name="from"/>.
    /// </summary>
    public static IReadOnlyList<DateOnly> Between(DateOnly from, DateOnly to, Grain grain)
    {
        if (to < from)
        {
            return [];
        }

        if (grain == Grain.Total)
        {
            return [from];
        }

        var starts = new List<DateOnly>();
        var last = StartOf(to, grain);
        for (var start = StartOf(from, grain); start <= last; start = NextStart(start, grain))
        {
            starts.Add(start);
        }

        return starts;
    }
}
