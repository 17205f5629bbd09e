namespace CxBridge.Web.Components.Charts;

/// <summary>
/// Maps a numeric domain linearly onto a pixel range. The range may be inverted (SVG y grows downwards):
/// <c>new LinearScale(0, 100, 240, 16)</c> maps 0 → 240 and 100 → 16. Domain ends map to range ends exactly.
/// </summary>
public sealed class LinearScale
{
    /// <summary>Creates a scale; a degenerate domain (min == max) maps every value to the middle of the range.</summary>
    public LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd)
    {
        RequireFinite(domainMin, nameof(domainMin));
        RequireFinite(domainMax, nameof(domainMax));
        RequireFinite(rangeStart, nameof(rangeStart));
        RequireFinite(rangeEnd, nameof(rangeEnd));
        if (domainMin > domainMax)
        {
            throw new ArgumentException($"Domain min {domainMin} is above max {domainMax}.", nameof(domainMin));
        }

        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
    }

    public double DomainMin { get; }

    public double DomainMax { get; }

    public double RangeStart { get; }

    public double RangeEnd { get; }

    /// <summary>Maps <paramref name="value"/> from the domain to the range (extrapolating outside it).</summary>
    public double Map(double value)
    {
        if (DomainMax == DomainMin)
        {
            return (RangeStart + RangeEnd) / 2;
        }

        var t = (value - DomainMin) / (DomainMax - DomainMin);

        // (1 - t)·a + t·b gives a at t = 0 and b at t = 1 exactly; a + t·(b - a) does not.
        return ((1 - t) * RangeStart) + (t * RangeEnd);
    }

    /// <summary>
    /// Ticks that cover [<paramref name="min"/>, <paramref name="max"/>] with a step of 1, 2 or 5 × 10^k,
    /// first tick ≤ min and last tick ≥ max, preferring 4–6 ticks and, among those, the smallest step.
    /// A degenerate domain is widened around its value first.
    /// </summary>
    public static NiceTicks NiceTicks(double min, double max, int minTicks = 4, int maxTicks = 6)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (minTicks < 2 || maxTicks < minTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(minTicks), "Need 2 ≤ minTicks ≤ maxTicks.");
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var span = max - min;
        var baseExponent = (int)Math.Floor(Math.Log10(span));

        double bestStep = 0;
        long bestFirst = 0, bestLast = 0;
        var bestScore = int.MaxValue;

        // Steps from 10^(e-2) to 5·10^(e+1) include every candidate giving a sensible count.
        for (var exponent = baseExponent - 2; exponent <= baseExponent + 1; exponent++)
        {
            var power = Math.Pow(10, exponent);
            foreach (var mantissa in (ReadOnlySpan<int>)[1, 2, 5])
            {
                var step = mantissa * power;
                var first = (long)Math.Floor(Tidy(min / step));
                var last = (long)Math.Ceiling(Tidy(max / step));
                var count = (int)(last - first + 1);
                var score = count < minTicks ? minTicks - count : count > maxTicks ? count - maxTicks : 0;

                // Candidates come smallest step first, so strict < keeps the smallest step on ties.
                if (score < bestScore)
                {
                    bestScore = score;
                    bestStep = step;
                    bestFirst = first;
                    bestLast = last;
                }
            }
        }

        var decimals = ChartFormats.DecimalsFor(bestStep);
        var values = new List<double>((int)(bestLast - bestFirst + 1));
        for (var i = bestFirst; i <= bestLast; i++)
        {
            // i·step, rounded so that 3 × 0.1 is 0.3, and + 0.0 turns -0 into 0.
            values.Add(Math.Round(i * bestStep, decimals) + 0.0);
        }

        return new NiceTicks(values, bestStep);
    }

    // Quotients like 0.3 / 0.1 = 2.9999999999999996 must not push a tick out; snap near-integers.
    private static double Tidy(double quotient)
    {
        var rounded = Math.Round(quotient);
        return Math.Abs(quotient - rounded) < 1e-9 ? rounded : quotient;
    }

    private static void RequireFinite(double value, string name)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Scale bounds must be finite.");
        }
    }
}

/// <summary>Tick values (ascending, evenly spaced by <paramref name="Step"/>) from <see cref="LinearScale.NiceTicks"/>.</summary>
public sealed record NiceTicks(IReadOnlyList<double> Values, double Step)
{
    public double First => Values[0];

    public double Last => Values[^1];
}
