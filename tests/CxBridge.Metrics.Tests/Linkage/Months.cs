using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests.Linkage;

/// <summary>Monthly series for the linkage tests: values from January 2023 on, one month apart.</summary>
internal static class Months
{
    public static readonly DateOnly First = new(2023, 1, 1);

    /// <summary>Month i (from <see cref="First"/>) → values[i]; a null leaves month i missing.</summary>
    public static IReadOnlyDictionary<DateOnly, double> Series(IEnumerable<double?> values) =>
        values
            .Select((value, i) => (Month: First.AddMonths(i), Value: value))
            .Where(point => point.Value is not null)
            .ToDictionary(point => point.Month, point => point.Value!.Value);

    public static IReadOnlyDictionary<DateOnly, double> Series(IEnumerable<double> values) =>
        Series(values.Select(value => (double?)value));

    /// <summary>Every number in a result (each lag's and the levels'), for the never-NaN checks.</summary>
    public static IEnumerable<double> Numbers(LinkageResult result) =>
        result.Lags.Cast<object>().Append(result.TrendSensitiveLevels).SelectMany(NumbersOf);

    /// <summary>The double, double? and Interval? properties of a record; null ones are skipped.</summary>
    public static IEnumerable<double> NumbersOf(object record) =>
        record.GetType().GetProperties().SelectMany(property => property.GetValue(record) switch
        {
            double value => [value],
            Interval interval => [interval.Low, interval.High],
            _ => Array.Empty<double>(),
        });
}
