using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

/// <summary>
/// docs/metrics.md, "Periods and partial periods": a period cut short by the range or by today is partial ("so far")
/// and is compared only with the same elapsed part of the previous period; a whole period with the whole previous one.
/// </summary>
public class PeriodCoverageTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    /// <summary>Long after every range below: only the range can cut a period.</summary>
    private static readonly DateOnly LongAfter = D("2026-01-15");

    private static (DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Start, DateOnly End, bool Partial) Of(PeriodCoverage c) =>
        (c.PeriodStart, c.PeriodEnd, c.Start, c.End, c.IsPartial);

    [Fact]
    public void Of_WholeMonthInTheRange_IsComplete()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-03-31"), LongAfter);

        Of(march).Should().Be((D("2025-03-01"), D("2025-04-01"), D("2025-03-01"), D("2025-04-01"), false));
        (march.Days, march.PeriodDays).Should().Be((31, 31));
    }

    [Fact]
    public void Of_MonthCutByTo_IsPartialUpToTo()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-03-10"), LongAfter);

        Of(march).Should().Be((D("2025-03-01"), D("2025-04-01"), D("2025-03-01"), D("2025-03-11"), true));
        (march.Days, march.PeriodDays).Should().Be((10, 31));
    }

    [Fact]
    public void Of_MonthCutByFrom_IsPartialFromFrom()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-03-05"), D("2025-04-30"), LongAfter);

        Of(march).Should().Be((D("2025-03-01"), D("2025-04-01"), D("2025-03-05"), D("2025-04-01"), true));
        march.Days.Should().Be(27);
    }

    [Fact]
    public void Of_WeekCutAtAMonthEnd_CoversItsFirstDaysOnly()
    {
        // 30 April 2025 is a Wednesday: the week of Monday 28 April is covered 28–30 April.
        var week = PeriodCoverage.Of(D("2025-04-28"), Grain.Week, D("2025-04-01"), D("2025-04-30"), LongAfter);

        Of(week).Should().Be((D("2025-04-28"), D("2025-05-05"), D("2025-04-28"), D("2025-05-01"), true));
        (week.Days, week.PeriodDays).Should().Be((3, 7));
    }

    [Fact]
    public void Of_WeekEndingOnTo_IsComplete()
    {
        // 4 May 2025 is a Sunday.
        var week = PeriodCoverage.Of(D("2025-04-28"), Grain.Week, D("2025-04-01"), D("2025-05-04"), LongAfter);

        week.IsPartial.Should().BeFalse();
        week.Days.Should().Be(7);
    }

    [Fact]
    public void Of_PeriodHoldingToday_IsPartialUpToTodayIncluded()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-12-31"), today: D("2025-03-10"));

        Of(march).Should().Be((D("2025-03-01"), D("2025-04-01"), D("2025-03-01"), D("2025-03-11"), true));
        march.Days.Should().Be(10, "today counts as a day so far");
    }

    [Fact]
    public void Of_PeriodEndingToday_IsStillPartial()
    {
        // Today is the last day of March: March has not ended yet.
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-03-31"), today: D("2025-03-31"));

        march.IsPartial.Should().BeTrue();
        march.Days.Should().Be(31);
    }

    [Fact]
    public void Of_PeriodEndedYesterday_IsComplete()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-03-31"), today: D("2025-04-01"));

        march.IsPartial.Should().BeFalse();
    }

    [Fact]
    public void Of_PeriodAfterToday_CoversNoDay()
    {
        var april = PeriodCoverage.Of(D("2025-04-01"), Grain.Month, D("2025-01-01"), D("2025-12-31"), today: D("2025-03-10"));

        Of(april).Should().Be((D("2025-04-01"), D("2025-05-01"), D("2025-04-01"), D("2025-04-01"), true));
        april.Days.Should().Be(0);
    }

    [Fact]
    public void Of_GrainTotal_IsTheWholeRange()
    {
        var total = PeriodCoverage.Of(D("2025-03-01"), Grain.Total, D("2025-03-01"), D("2025-04-15"), LongAfter);

        Of(total).Should().Be((D("2025-03-01"), D("2025-04-16"), D("2025-03-01"), D("2025-04-16"), false));
        (total.Days, total.PeriodDays).Should().Be((46, 46));
    }

    [Fact]
    public void Of_GrainTotalReachingToday_IsPartialUpToToday()
    {
        var total = PeriodCoverage.Of(D("2025-03-01"), Grain.Total, D("2025-03-01"), D("2025-03-31"), today: D("2025-03-10"));

        Of(total).Should().Be((D("2025-03-01"), D("2025-04-01"), D("2025-03-01"), D("2025-03-11"), true));
    }

    [Fact]
    public void Previous_CompleteMonth_IsTheWholePreviousMonth()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-03-31"), LongAfter);

        Of(march.Previous(Grain.Month)).Should().Be((D("2025-02-01"), D("2025-03-01"), D("2025-02-01"), D("2025-03-01"), false));
    }

    [Fact]
    public void Previous_FirstThreeDaysOfMarch_AreTheFirstThreeDaysOfFebruary()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-03-01"), D("2025-03-03"), LongAfter);

        var window = march.Previous(Grain.Month);

        Of(window).Should().Be((D("2025-02-01"), D("2025-03-01"), D("2025-02-01"), D("2025-02-04"), true));
        window.Days.Should().Be(3);
    }

    [Fact]
    public void Previous_MarchSoFarToday_IsFebruaryToTheSameDay()
    {
        // docs/metrics.md: "if March runs to the 10th so far, the tile compares 1–10 March with 1–10 February".
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-01-01"), D("2025-12-31"), today: D("2025-03-10"));

        Of(march.Previous(Grain.Month)).Should().Be((D("2025-02-01"), D("2025-03-01"), D("2025-02-01"), D("2025-02-11"), true));
    }

    [Fact]
    public void Previous_Of30DaysOfMarch_IsFebruaryCutAtItsEnd()
    {
        // 1–30 March (30 days) against February, which has 28: the window stops at February's end, the whole month.
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-03-01"), D("2025-03-30"), LongAfter);

        var window = march.Previous(Grain.Month);

        Of(window).Should().Be((D("2025-02-01"), D("2025-03-01"), D("2025-02-01"), D("2025-03-01"), false));
        window.Days.Should().Be(28);
    }

    [Fact]
    public void Previous_MonthCutByFrom_StartsAtTheSameOffset()
    {
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-03-05"), D("2025-04-30"), LongAfter);

        Of(march.Previous(Grain.Month)).Should().Be((D("2025-02-01"), D("2025-03-01"), D("2025-02-05"), D("2025-03-01"), true));
    }

    [Fact]
    public void Previous_LastDaysOf31DayMonth_HaveNoSameDaysInFebruary()
    {
        // 29–31 March: February has no 29th to 31st, so there is nothing fair to compare with.
        var march = PeriodCoverage.Of(D("2025-03-01"), Grain.Month, D("2025-03-29"), D("2025-03-31"), LongAfter);

        var window = march.Previous(Grain.Month);

        window.Days.Should().Be(0);
        (window.Start, window.End).Should().Be((D("2025-03-01"), D("2025-03-01")));
    }

    [Fact]
    public void Previous_WeekCutAtAMonthEnd_IsTheSameWeekdaysOfTheWeekBefore()
    {
        var week = PeriodCoverage.Of(D("2025-04-28"), Grain.Week, D("2025-04-01"), D("2025-04-30"), LongAfter);

        Of(week.Previous(Grain.Week)).Should().Be((D("2025-04-21"), D("2025-04-28"), D("2025-04-21"), D("2025-04-24"), true));
    }

    [Fact]
    public void Previous_CompleteQuarter_IsTheWholePreviousQuarter()
    {
        var q2 = PeriodCoverage.Of(D("2025-04-01"), Grain.Quarter, D("2025-01-01"), D("2025-06-30"), LongAfter);

        Of(q2.Previous(Grain.Quarter)).Should().Be((D("2025-01-01"), D("2025-04-01"), D("2025-01-01"), D("2025-04-01"), false));
    }

    [Fact]
    public void Previous_FirstMonthOfTheYear_IsDecemberOfTheYearBefore()
    {
        var january = PeriodCoverage.Of(D("2025-01-01"), Grain.Month, D("2025-01-01"), D("2025-01-15"), LongAfter);

        Of(january.Previous(Grain.Month)).Should().Be((D("2024-12-01"), D("2025-01-01"), D("2024-12-01"), D("2024-12-16"), true));
    }

    [Fact]
    public void Previous_GrainTotal_IsTheSameNumberOfDaysJustBefore()
    {
        var total = PeriodCoverage.Of(D("2025-03-01"), Grain.Total, D("2025-03-01"), D("2025-03-31"), LongAfter);

        var window = total.Previous(Grain.Total);

        (window.Start, window.End, window.Days).Should().Be((D("2025-01-29"), D("2025-03-01"), 31));
    }

    [Fact]
    public void Previous_GrainTotalSoFar_IsTheDaysSoFarJustBefore()
    {
        // A range to the end of March seen on 10 March covers 10 days so far: compared with the 10 days before 1 March.
        var total = PeriodCoverage.Of(D("2025-03-01"), Grain.Total, D("2025-03-01"), D("2025-03-31"), today: D("2025-03-10"));

        var window = total.Previous(Grain.Total);

        (window.Start, window.End, window.Days).Should().Be((D("2025-02-19"), D("2025-03-01"), 10));
    }
}
