namespace CxBridge.Metrics;

/// <summary>
/// One point of a metric series as the API returns it (docs/data-contract.md): the period's first day, the value
/// (null when n = 0 or suppressed), n, the 95% interval where the metric has one, the low-sample and
/// suppression flags, and the metric's parts in <see cref="Detail"/>.
/// </summary>
public sealed record MetricPoint(
    DateOnly Period,
    double? Value,
    int N,
    double? Low,
    double? High,
    bool LowSample,
    bool Suppressed,
    IReadOnlyDictionary<string, double?> Detail);
