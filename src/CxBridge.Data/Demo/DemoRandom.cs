namespace CxBridge.Data.Demo;

/// <summary>The draws the demo generators share, on top of <see cref="Random"/>.</summary>
internal static class DemoRandom
{
    /// <summary>The ISO 8601 UTC form every demo timestamp is written in: <c>2025-03-14T09:26:00Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Busy hours of customers (orders, surveys, tickets): low at night, a plateau from late morning.</summary>
    public static readonly double[] HourWeights =
    [
        0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 3.0, 4.5, 5.0, 5.0,
        4.5, 4.8, 5.0, 4.8, 4.3, 3.8, 3.2, 3.0, 2.8, 2.0, 1.2, 0.6,
    ];

    /// <summary>Office hours of employees.</summary>
    public static readonly double[] WorkHourWeights =
    [
        0, 0, 0, 0, 0, 0, 0.1, 0.6, 2.0, 3.5, 3.5, 3.0,
        2.5, 3.0, 3.5, 3.5, 3.0, 2.0, 0.8, 0.3, 0.2, 0.1, 0, 0,
    ];

    /// <summary>An index drawn with the given (not necessarily normalised) weights; zero weights never come out.</summary>
    public static int Pick(this Random rng, double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = rng.NextDouble() * total;
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            last = i;
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        // Only reached through rounding: the last choice that can happen.
        return last;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson draw by multiplying uniforms (Knuth); fine for the small means the demo uses.</summary>
    public static int Poisson(this Random rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var product = rng.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }

        return count;
    }

    /// <summary>
    /// <paramref name="count"/> distinct indices of <paramref name="weights"/>, drawn without replacement with
    /// probability growing with the weight (Efraimidis–Spirakis keys), in ascending index order.
    /// </summary>
    public static int[] SampleWithoutReplacement(this Random rng, IReadOnlyList<double> weights, int count)
    {
        count = Math.Clamp(count, 0, weights.Count);
        var keys = new double[weights.Count];
        var indices = new int[weights.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            // Larger u^(1/w) wins; the log keeps it stable: log(u) / w, compared descending.
            keys[i] = weights[i] > 0 ? Math.Log(1.0 - rng.NextDouble()) / weights[i] : double.NegativeInfinity;
            indices[i] = i;
        }

        Array.Sort(keys, indices);
        Array.Reverse(indices);
        var chosen = indices[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>A day in [<paramref name="from"/>, <paramref name="to"/>), weekdays busier than weekends.</summary>
    public static DateOnly Day(this Random rng, DateOnly from, DateOnly to, double weekendWeight)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 1)
        {
            return from;
        }

        DateOnly day;
        var tries = 0;
        do
        {
            day = from.AddDays(rng.Next(days));
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && rng.NextDouble() >= weekendWeight && ++tries < 20);

        return day;
    }

    /// <summary>A moment on <paramref name="day"/> with the hour drawn from <paramref name="hourWeights"/>.</summary>
    public static DateTime Moment(this Random rng, DateOnly day, double[] hourWeights) =>
        day.ToDateTime(new TimeOnly(rng.Pick(hourWeights), rng.Next(60), rng.Next(60)), DateTimeKind.Utc);
}
