using CxBridge.Metrics;
using MathNet.Numerics.Statistics;

namespace CxBridge.Metrics.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)] // odd: the middle value
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)] // even: mean of 2 and 3
    [InlineData(new[] { 7.5 }, 7.5)]
    [InlineData(new[] { 1.0, 1.0, 10.0, 10.0 }, 5.5)]
    public void Median_OddAndEvenCounts_HandComputed(double[] values, double expected)
    {
        // Exact.
        Durations.Median(values).Should().Be(expected, because: $"input [{string.Join(", ", values)}]");
    }

    [Fact]
    public void Median_UnsortedInput_NotReordered()
    {
        double[] values = [5, 1, 4];

        Durations.Median(values).Should().Be(4);
        values.Should().Equal([5, 1, 4], because: "the caller's list is not sorted in place");
    }

    [Fact]
    public void Median_Empty_Null()
    {
        Durations.Median([]).Should().BeNull();
    }

    [Theory]
    [InlineData(0.9, 9.1)] // h = 9 × 0.9 = 8.1 → 9 + 0.1 × (10 − 9)
    [InlineData(0.5, 5.5)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    [InlineData(0.25, 3.25)] // h = 2.25 → 3 + 0.25
    public void Percentile_OneToTen_HandComputed(double p, double expected)
    {
        // Hand-computed R type 7 (PostgreSQL percentile_cont); tolerance 1e-12.
        var values = Enumerable.Range(1, 10).Select(i => (double)i).Reverse().ToArray();

        Durations.Percentile(values, p).Should().BeApproximately(expected, 1e-12, because: $"input 1..10 (reversed), p = {p}");
    }

    [Fact]
    public void Percentile_P90OfFiveUneven_HandComputed()
    {
        // Sorted 0.5, 1, 2, 8, 24: h = 4 × 0.9 = 3.6 → 8 + 0.6 × (24 − 8) = 17.6; tolerance 1e-12.
        Durations.Percentile([24, 2, 0.5, 8, 1], 0.9).Should().BeApproximately(17.6, 1e-12, because: "input 24, 2, 0.5, 8, 1");
    }

    [Fact]
    public void Percentile_RandomSamples_MatchMathNetR7()
    {
        // Reference: MathNet.Numerics QuantileDefinition.R7 (= Excel PERCENTILE.INC); tolerance 1e-9.
        var random = new Random(20250301);
        for (var trial = 0; trial < 50; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() * 72, 2)).ToArray();
            foreach (var p in new[] { 0.1, 0.5, 0.9, 0.99 })
            {
                var expected = Statistics.QuantileCustom(values, p, QuantileDefinition.R7);

                Durations.Percentile(values, p).Should().BeApproximately(expected, 1e-9,
                    because: $"input [{string.Join(", ", values)}], p = {p}, expected {expected}");
            }
        }
    }

    [Fact]
    public void Percentile_HalfEqualsMedian()
    {
        double[] values = [9, 3, 7, 1, 4, 4];

        Durations.Percentile(values, 0.5).Should().Be(Durations.Median(values));
    }

    [Fact]
    public void Percentile_Empty_Null()
    {
        Durations.Percentile([], 0.9).Should().BeNull();
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Percentile_POutsideZeroToOne_Throws(double p)
    {
        var act = () => Durations.Percentile([1, 2], p);

        act.Should().Throw<ArgumentOutOfRangeException>(because: $"input p = {p}");
    }

    [Fact]
    public void Median_NaNValue_Throws()
    {
        var act = () => Durations.Median([1, double.NaN]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void DurationAggregateOf_Values_WhatSqlReturns()
    {
        // Exact: 1..10 → n 10, Σ 55, median 5.5, p90 9.1 (within 1e-12), Σx² 385.
        var aggregate = DurationAggregate.Of([.. Enumerable.Range(1, 10).Select(i => (double)i)]);

        aggregate.N.Should().Be(10);
        aggregate.Sum.Should().Be(55);
        aggregate.Median.Should().Be(5.5);
        aggregate.P90.Should().BeApproximately(9.1, 1e-12);
        aggregate.SumOfSquares.Should().Be(385);
    }

    [Fact]
    public void DurationAggregateOf_Empty_IsEmpty()
    {
        DurationAggregate.Of([]).Should().Be(DurationAggregate.Empty);
    }
}
