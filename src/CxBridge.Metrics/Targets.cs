using System.Globalization;

namespace CxBridge.Metrics;

/// <summary>Where a value stands against a <see cref="Target"/>, worst to best.</summary>
public enum TargetStatus
{
    /// <summary>Not even good: the target is missed.</summary>
    BelowGood,

    /// <summary>At or beyond good.</summary>
    Good,

    /// <summary>At or beyond better.</summary>
    Better,

    /// <summary>At or beyond best.</summary>
    Best,
}

/// <summary>Codes of <see cref="TargetStatus"/>.</summary>
public static class TargetStatuses
{
    /// <summary>The code used in the API: "below_good", "good", "better", "best".</summary>
    public static string Code(this TargetStatus s) => s switch
    {
        TargetStatus.BelowGood => "below_good",
        TargetStatus.Good => "good",
        TargetStatus.Better => "better",
        TargetStatus.Best => "best",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown target status."),
    };
}

/// <summary>
/// A department's target for a metric or KPI (docs/departments.md): three levels, good, better and best, in the subject's
/// <see cref="Direction"/>: good ≤ better ≤ best when higher is better, good ≥ better ≥ best when lower is better (equal
/// levels are allowed). A neutral KPI has no target. A value exactly at a level reaches it.
/// </summary>
public sealed record Target
{
    /// <exception cref="ArgumentException">The levels are not finite, not in the direction's order, or the direction is neutral (<see cref="Problem"/>).</exception>
    public Target(Direction direction, double good, double better, double best)
    {
        if (Problem(direction, good, better, best) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Direction = direction;
        Good = good;
        Better = better;
        Best = best;
    }

    public Direction Direction { get; }

    public double Good { get; }

    public double Better { get; }

    public double Best { get; }

    /// <summary>
    /// Why these levels cannot be a target, as one sentence naming the value and what was expected; null when they can.
    /// Checked in order: the direction, each level finite (good, better, best), good against better, better against best.
    /// </summary>
    public static string? Problem(Direction direction, double good, double better, double best)
    {
        if (direction == Direction.Neutral)
        {
            return "the direction is neutral, so no level is better than another: expected a subject whose direction is up or down";
        }

        foreach (var (name, value) in new[] { ("good", good), ("better", better), ("best", best) })
        {
            if (!double.IsFinite(value))
            {
                return $"{name} {Text(value)} is not a finite number: expected a number such as 42.5";
            }
        }

        var (order, sense, word) = direction == Direction.Up
            ? ("good ≤ better ≤ best", "higher is better", "below")
            : ("good ≥ better ≥ best", "lower is better", "above");
        if (Worse(direction, better, good))
        {
            return $"better {Text(better)} is {word} good {Text(good)}: expected {order} ({sense})";
        }

        if (Worse(direction, best, better))
        {
            return $"best {Text(best)} is {word} better {Text(better)}: expected {order} ({sense})";
        }

        return null;
    }

    /// <summary>The highest level <paramref name="value"/> reaches; null when there is no value (null or NaN).</summary>
    public TargetStatus? StatusOf(double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return null;
        }

        return !Worse(Direction, v, Best) ? TargetStatus.Best
            : !Worse(Direction, v, Better) ? TargetStatus.Better
            : !Worse(Direction, v, Good) ? TargetStatus.Good
            : TargetStatus.BelowGood;
    }

    /// <summary>Whether <paramref name="value"/> reaches at least good (a missing value does not).</summary>
    public bool IsMet(double? value) => StatusOf(value) >= TargetStatus.Good;

    /// <summary>Whether <paramref name="a"/> is strictly worse than <paramref name="b"/> in the direction.</summary>
    private static bool Worse(Direction direction, double a, double b) => direction == Direction.Up ? a < b : a > b;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// How many of a department's targets are met: <see cref="Met"/> (status good or beyond) of <see cref="Set"/> (every
/// target); a target whose subject has no latest value counts as set and not met, and is also counted in
/// <see cref="WithoutValue"/> so a page can say why.
/// </summary>
public sealed record Attainment(int Met, int Set, int WithoutValue)
{
    /// <summary>Met ÷ set, 0–1; null when no target is set.</summary>
    public double? Share => Set == 0 ? null : (double)Met / Set;

    /// <summary>The attainment of targets against their subjects' latest values.</summary>
    public static Attainment Of(IEnumerable<(Target Target, double? Latest)> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        int met = 0, set = 0, without = 0;
        foreach (var (target, latest) in targets)
        {
            set++;
            if (target.StatusOf(latest) is not { } status)
            {
                without++;
            }
            else if (status >= TargetStatus.Good)
            {
                met++;
            }
        }

        return new Attainment(met, set, without);
    }
}
