using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class PeriodsTests
{
    [Theory]
    [InlineData("2025-01-01", "2024-12-30")] // Wednesday
    [InlineData("2025-01-05", "2024-12-30")] // Sunday
    [InlineData("2025-01-06", "2025-01-06")] // Monday
    [InlineData("2024-03-01", "2024-02-26")] // Friday after a leap day
    public void StartOf_Week_MondayOnOrBefore(string day, string expected)
    {
        // Exact dates.
        Periods.StartOf(DateOnly.Parse(day), Grain.Week).Should().Be(DateOnly.Parse(expected), because: $"input {day}");
    }

    [Theory]
    [InlineData("2025-05-17", Grain.Month, "2025-05-01")]
    [InlineData("2025-01-01", Grain.Quarter, "2025-01-01")]
    [InlineData("2025-03-31", Grain.Quarter, "2025-01-01")]
    [InlineData("2025-05-17", Grain.Quarter, "2025-04-01")]
    [InlineData("2025-09-30", Grain.Quarter, "2025-07-01")]
    [InlineData("2025-12-31", Grain.Quarter, "2025-10-01")]
    [InlineData("2025-12-31", Grain.Year, "2025-01-01")]
    public void StartOf_CalendarGrains_FirstDay(string day, Grain grain, string expected)
    {
        // Exact dates.
        Periods.StartOf(DateOnly.Parse(day), grain).Should().Be(DateOnly.Parse(expected), because: $"input {day}, {grain}");
    }

    [Fact]
    public void StartOf_Total_GivenFrom()
    {
        Periods.StartOf(new DateOnly(2025, 6, 9), Grain.Total, new DateOnly(2025, 2, 3)).Should().Be(new DateOnly(2025, 2, 3));
    }

    [Theory]
    [InlineData("2024-12-30", Grain.Week, "2025-01-06")]
    [InlineData("2025-01-31", Grain.Month, "2025-02-01")]
    [InlineData("2025-10-01", Grain.Quarter, "2026-01-01")]
    [InlineData("2025-01-01", Grain.Year, "2026-01-01")]
    public void NextStart_CalendarGrains_NextPeriodsFirstDay(string start, Grain grain, string expected)
    {
        // Exact dates.
        Periods.NextStart(DateOnly.Parse(start), grain).Should().Be(DateOnly.Parse(expected), because: $"input {start}, {grain}");
    }

    [Fact]
    public void NextStart_Total_MaxValue()
    {
        Periods.NextStart(new DateOnly(2025, 1, 1), Grain.Total).Should().Be(DateOnly.MaxValue);
    }

    [Fact]
    public void Between_MonthsAcrossYearEnd_EveryStartInclusive()
    {
        Periods.Between(new DateOnly(2024, 11, 15), new DateOnly(2025, 2, 3), Grain.Month).Should().Equal(
            new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1));
    }

    [Fact]
    public void Between_WeeksAcrossYearEnd_MondayStarts()
    {
        Periods.Between(new DateOnly(2024, 12, 25), new DateOnly(2025, 1, 8), Grain.Week).Should().Equal(
            new DateOnly(2024, 12, 23), new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 6));
    }

    [Fact]
    public void Between_QuartersAcrossYearEnd_QuarterStarts()
    {
        Periods.Between(new DateOnly(2024, 8, 10), new DateOnly(2025, 1, 1), Grain.Quarter).Should().Equal(
            new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void Between_Years_JanuaryFirsts()
    {
        Periods.Between(new DateOnly(2023, 6, 1), new DateOnly(2025, 1, 1), Grain.Year).Should().Equal(
            new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void Between_Total_OnePeriodStartingAtFrom()
    {
        Periods.Between(new DateOnly(2024, 11, 15), new DateOnly(2025, 2, 3), Grain.Total).Should().Equal(new DateOnly(2024, 11, 15));
    }

    [Fact]
    public void Between_SameDay_OnePeriod()
    {
        Periods.Between(new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 8), Grain.Week).Should().Equal(new DateOnly(2025, 1, 6));
    }

    [Fact]
    public void Between_ToBeforeFrom_Empty()
    {
        Periods.Between(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), Grain.Month).Should().BeEmpty();
    }
}
