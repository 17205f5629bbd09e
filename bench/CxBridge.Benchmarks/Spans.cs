using System.Collections.Concurrent;
using System.Diagnostics;

namespace CxBridge.Benchmarks;

/// <summary>Records the Npgsql tracing spans (one per command or COPY operation) with their SQL and duration.</summary>
internal sealed class Spans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Sql, TimeSpan Duration)> _spans = new();

    public Spans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(((activity.GetTagItem("db.query.text") as string ?? activity.DisplayName).Trim(), activity.Duration)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Clear() => _spans.Clear();

    /// <summary>Total seconds of the spans whose SQL matches.</summary>
    public double Seconds(Func<string, bool> sql) => _spans.Where(s => sql(s.Sql)).Sum(s => s.Duration.TotalSeconds);

    public void Dispose() => _listener.Dispose();
}
