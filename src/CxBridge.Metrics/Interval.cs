namespace CxBridge.Metrics;

/// <summary>A closed interval [Low, High], in the unit of the value it brackets (e.g. a 95% confidence interval).</summary>
public readonly record struct Interval(double Low, double High);
