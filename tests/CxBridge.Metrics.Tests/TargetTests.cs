using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class TargetTests
{
    private static readonly Target HigherIsBetter = new(Direction.Up, good: 30, better: 40, best: 50);
    private static readonly Target LowerIsBetter = new(Direction.Down, good: 2.5, better: 2.0, best: 1.5);

    [Theory]
    [InlineData(-100.0, TargetStatus.BelowGood)]
    [InlineData(29.999, TargetStatus.BelowGood)]
    [InlineData(30.0, TargetStatus.Good)]
    [InlineData(39.999, TargetStatus.Good)]
    [InlineData(40.0, TargetStatus.Better)]
    [InlineData(49.999, TargetStatus.Better)]
    [InlineData(50.0, TargetStatus.Best)]
    [InlineData(1000.0, TargetStatus.Best)]
    public void StatusOf_HigherIsBetter_EachLevelReachedExactlyAtItsValue(double value, TargetStatus expected) =>
        HigherIsBetter.StatusOf(value).Should().Be(expected, $"input {value}");

    [Theory]
    [InlineData(9.0, TargetStatus.BelowGood)]
    [InlineData(2.5001, TargetStatus.BelowGood)]
    [InlineData(2.5, TargetStatus.Good)]
    [InlineData(2.0001, TargetStatus.Good)]
    [InlineData(2.0, TargetStatus.Better)]
    [InlineData(1.5001, TargetStatus.Better)]
    [InlineData(1.5, TargetStatus.Best)]
    [InlineData(0.0, TargetStatus.Best)]
    public void StatusOf_LowerIsBetter_EachLevelReachedExactlyAtItsValue(double value, TargetStatus expected) =>
        LowerIsBetter.StatusOf(value).Should().Be(expected, $"input {value}");

    [Fact]
    public void StatusOf_NoValue_NoStatus()
    {
        HigherIsBetter.StatusOf(null).Should().BeNull();
        HigherIsBetter.StatusOf(double.NaN).Should().BeNull();
        LowerIsBetter.StatusOf(null).Should().BeNull();
        HigherIsBetter.IsMet(null).Should().BeFalse();
    }

    [Fact]
    public void StatusOf_EqualLevels_AtThemIsBestBelowIsMissed()
    {
        var flat = new Target(Direction.Up, 10, 10, 10);

        flat.StatusOf(10).Should().Be(TargetStatus.Best);
        flat.StatusOf(9.99).Should().Be(TargetStatus.BelowGood);
        new Target(Direction.Down, 10, 10, 10).StatusOf(10.01).Should().Be(TargetStatus.BelowGood);
    }

    [Theory]
    [InlineData(30.0, true)]
    [InlineData(29.99, false)]
    public void IsMet_ValueExactlyAtGood_CountsAsMet(double value, bool met) => HigherIsBetter.IsMet(value).Should().Be(met);

    [Theory]
    [InlineData(Direction.Up, 30.0, 20.0, 50.0, "better 20 is below good 30: expected good ≤ better ≤ best (higher is better)")]
    [InlineData(Direction.Up, 30.0, 40.0, 35.0, "best 35 is below better 40: expected good ≤ better ≤ best (higher is better)")]
    [InlineData(Direction.Down, 2.5, 3.0, 1.5, "better 3 is above good 2.5: expected good ≥ better ≥ best (lower is better)")]
    [InlineData(Direction.Down, 2.5, 2.0, 2.1, "best 2.1 is above better 2: expected good ≥ better ≥ best (lower is better)")]
    [InlineData(Direction.Up, double.NaN, 40.0, 50.0, "good NaN is not a finite number: expected a number such as 42.5")]
    [InlineData(Direction.Up, 30.0, double.PositiveInfinity, 50.0, "better Infinity is not a finite number: expected a number such as 42.5")]
    [InlineData(Direction.Down, 3.0, 2.0, double.NegativeInfinity, "best -Infinity is not a finite number: expected a number such as 42.5")]
    [InlineData(Direction.Neutral, 1.0, 2.0, 3.0, "the direction is neutral, so no level is better than another: expected a subject whose direction is up or down")]
    public void Problem_InvalidLevels_NamesTheValueAndWhatWasExpected(Direction direction, double good, double better, double best, string expected)
    {
        Target.Problem(direction, good, better, best).Should().Be(expected);
        var create = () => new Target(direction, good, better, best);
        create.Should().Throw<ArgumentException>().WithMessage(expected);
    }

    [Theory]
    [InlineData(Direction.Up, 30.0, 40.0, 50.0)]
    [InlineData(Direction.Up, 30.0, 30.0, 30.0)]
    [InlineData(Direction.Down, 2.5, 2.0, 1.5)]
    [InlineData(Direction.Down, -1.0, -1.0, -5.0)]
    public void Problem_LevelsInTheDirectionsOrder_None(Direction direction, double good, double better, double best) =>
        Target.Problem(direction, good, better, best).Should().BeNull();

    [Fact]
    public void Attainment_MetOfSet_ValueExactlyAtGoodMetNoValueNotMet()
    {
        var attainment = Attainment.Of(
        [
            (HigherIsBetter, 35.0),     // good
            (HigherIsBetter, 30.0),     // exactly good: met
            (LowerIsBetter, 2.5001),    // just missed
            (LowerIsBetter, 1.0),       // best
            (HigherIsBetter, null),     // no value yet
        ]);

        attainment.Should().Be(new Attainment(Met: 3, Set: 5, WithoutValue: 1));
        attainment.Share.Should().Be(0.6);
    }

    [Fact]
    public void Attainment_NoTargets_NoShare()
    {
        var attainment = Attainment.Of([]);

        attainment.Should().Be(new Attainment(0, 0, 0));
        attainment.Share.Should().BeNull();
    }

    [Fact]
    public void Codes_OfTheStatuses_AreSnakeCase() =>
        new[] { TargetStatus.BelowGood, TargetStatus.Good, TargetStatus.Better, TargetStatus.Best }.Select(s => s.Code())
            .Should().Equal("below_good", "good", "better", "best");
}
