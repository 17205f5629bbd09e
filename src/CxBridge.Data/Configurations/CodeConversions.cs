using CxBridge.Data.Entities;
using CxBridge.Metrics;

namespace CxBridge.Data.Configurations;

/// <summary>Enums stored as their text codes (the SQL CHECKs list the same codes).</summary>
internal static class CodeConversions
{
    public static Direction Direction(string code) =>
        Directions.TryParse(code, out var d) ? d : throw new InvalidOperationException($"unknown direction '{code}' in the database");

    public static SeriesKind SeriesKind(string code) =>
        SeriesKinds.TryParse(code, out var k) ? k : throw new InvalidOperationException($"unknown series kind '{code}' in the database");

    public static EventKind EventKind(string code) =>
        EventKinds.TryParse(code, out var k) ? k : throw new InvalidOperationException($"unknown event kind '{code}' in the database");
}
