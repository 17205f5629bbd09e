using System.Text;
using System.Text.Json;
using CxBridge.Metrics;

namespace CxBridge.Data.Imports;

public enum ImportMode { Strict, SkipInvalid }

/// <summary>
/// What an upload says about its file (docs/data-contract.md): survey, scale, wave date, polarity, mode, encoding,
/// date format and explicit column mapping (<c>map.score=On a scale of 0-10, ...</c>).
/// </summary>
public sealed record ImportOptions
{
    public ImportMode Mode { get; init; } = ImportMode.Strict;
    public Survey? Survey { get; init; }
    public ScoreScale? Scale { get; init; }
    /// <summary>One date for a whole wave whose file has no date column.</summary>
    public DateOnly? Date { get; init; }
    public Polarity Polarity { get; init; } = Polarity.Ease;
    /// <summary>null: detected (UTF-8 when the bytes are valid UTF-8, else Windows-1252).</summary>
    public Encoding? Encoding { get; init; }
    public string? DateFormat { get; init; }
    /// <summary>Canonical field → file header.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    public static readonly string[] EncodingNames = ["utf-8", "windows-1252", "latin1"];

    /// <summary>
    /// Reads options from form fields or query parameters. Returns the problems (one sentence each, naming
    /// the parameter, the value and what was expected); empty when all is well.
    /// </summary>
    public static ImportOptions Parse(IEnumerable<KeyValuePair<string, string?>> values, out List<string> problems)
    {
        problems = [];
        var options = new ImportOptions();
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rawKey, rawValue) in values)
        {
            var key = rawKey.Trim().ToLowerInvariant();
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            switch (key)
            {
                case "mode":
                    if (value.Equals("strict", StringComparison.OrdinalIgnoreCase)) options = options with { Mode = ImportMode.Strict };
                    else if (value.Equals("skip-invalid", StringComparison.OrdinalIgnoreCase)) options = options with { Mode = ImportMode.SkipInvalid };
                    else problems.Add($"mode '{value}' is not known: expected strict or skip-invalid");
                    break;
                case "survey":
                    if (Surveys.TryParse(value, out var survey)) options = options with { Survey = survey };
                    else problems.Add($"survey '{value}' is not known: expected one of {string.Join(", ", Surveys.All.Select(s => s.Code()))}");
                    break;
                case "scale":
                    if (ScoreScale.TryParse(value, out var scale)) options = options with { Scale = scale };
                    else problems.Add($"scale '{value}' is not a scale: expected min-max such as 1-10");
                    break;
                case "date":
                    if (ValueParsers.ParseIsoDate(value) is { } date) options = options with { Date = date };
                    else problems.Add($"date '{value}' is not a date: expected yyyy-MM-dd such as 2025-03-01");
                    break;
                case "polarity":
                    if (value.Equals("ease", StringComparison.OrdinalIgnoreCase)) options = options with { Polarity = Polarity.Ease };
                    else if (value.Equals("effort", StringComparison.OrdinalIgnoreCase)) options = options with { Polarity = Polarity.Effort };
                    else problems.Add($"polarity '{value}' is not known: expected ease or effort");
                    break;
                case "encoding":
                    if (value.Equals("auto", StringComparison.OrdinalIgnoreCase)) break;
                    if (ParseEncoding(value) is { } encoding) options = options with { Encoding = encoding };
                    else problems.Add($"encoding '{value}' is not supported: expected auto, {string.Join(", ", EncodingNames)}");
                    break;
                case "dateformat":
                    options = options with { DateFormat = value };
                    break;
                default:
                    if (key.StartsWith("map.", StringComparison.Ordinal) && key.Length > 4)
                    {
                        map[key[4..]] = value;
                    }
                    break;
            }
        }
        return options with { Map = map };
    }

    public static Encoding? ParseEncoding(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => new UTF8Encoding(false),
        "windows-1252" or "cp1252" or "ansi" => CodePages.Windows1252,
        "latin1" or "latin-1" or "iso-8859-1" => System.Text.Encoding.Latin1,
        _ => null,
    };

    /// <summary>The options as stored with the batch (JSON).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        mode = Mode == ImportMode.Strict ? "strict" : "skip-invalid",
        survey = Survey?.Code(),
        scale = Scale?.ToString(),
        date = Date?.ToString("yyyy-MM-dd"),
        polarity = Polarity == Polarity.Effort ? "effort" : "ease",
        encoding = Encoding?.WebName,
        dateformat = DateFormat,
        map = Map,
    });

    public string ModeCode => Mode == ImportMode.Strict ? "strict" : "skip-invalid";
}

internal static class CodePages
{
    public static Encoding Windows1252 { get; } = Create();

    private static Encoding Create()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }
}
