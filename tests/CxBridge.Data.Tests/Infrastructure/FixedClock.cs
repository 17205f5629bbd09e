namespace CxBridge.Data.Tests.Infrastructure;

/// <summary>A clock stopped at one instant: for what "today" decides (partial periods, the default range).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Noon UTC of <paramref name="today"/>.</summary>
    public static FixedClock On(string today) => new(new DateTimeOffset(DateOnly.Parse(today).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
