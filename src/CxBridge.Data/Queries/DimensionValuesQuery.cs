using System.Collections.Concurrent;
using Npgsql;

namespace CxBridge.Data.Queries;

/// <summary>
/// The values each dimension takes in a source table (for filter pickers), most frequent first, at most 100 each.
/// Every page with a filter bar asks for them, so they are kept for <see cref="KeepFor"/> and read again sooner when
/// this instance imports or undoes a batch (<see cref="DataChanges"/>); another instance's import shows within that time.
/// </summary>
public sealed class DimensionValuesQuery(NpgsqlDataSource dataSource, DataChanges changes, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, (string Table, IReadOnlyCollection<string> Dimensions)> Sources = new()
    {
        ["responses"] = ("survey_responses", SurveyMetricQuery.ResponseDimensions),
        ["customers"] = ("customers", MetricRows.CustomerDimensions),
        ["orders"] = ("orders", MetricRows.OrderDimensions),
        ["tickets"] = ("tickets", MetricRows.TicketDimensions),
    };

    private readonly ConcurrentDictionary<string, (long Version, DateTimeOffset At, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)> _cache = new();

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ForAsync(string source, CancellationToken ct = default)
    {
        var version = changes.Version;
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(source, out var cached) && cached.Version == version && now - cached.At < KeepFor)
        {
            return cached.Values;
        }
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (!Sources.TryGetValue(source, out var s))
        {
            return result;
        }
        foreach (var dimension in s.Dimensions)
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT {dimension} FROM {s.Table} WHERE {dimension} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 100");
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                values.Add(reader.GetString(0));
            }
            result[dimension] = values;
        }
        _cache[source] = (version, now, result);
        return result;
    }
}
