using System.Globalization;
using System.Text;

namespace CxBridge.Data.Demo;

/// <summary>
/// Deterministic demo data for an empty installation: survey responses with a realistic shape (an NPS dip and
/// recovery, channels and agents that differ, CES improving, PSAT reacting to releases, eNPS leading NPS), written
/// in the canonical <c>responses</c> import format so the demo goes through the same importer as a user's file.
/// </summary>
public static class DemoData
{
    /// <summary>The canonical header of the <c>responses</c> import kind, in the order the writer uses.</summary>
    public const string ResponsesHeader =
        "response_id,survey,score,responded_at,customer_id,comment,channel,touchpoint,region,product,segment,agent,department";

    /// <summary>The default seed of <see cref="WriteResponses"/>.</summary>
    public const int DefaultSeed = 20240601;

    /// <summary>
    /// Writes a responses CSV (header row then rows, RFC 4180 quoting, CRLF record ends, invariant culture) for
    /// <paramref name="months"/> whole months ending with the month before <paramref name="end"/>, deterministic for a
    /// given seed. The text is plain Unicode; give a UTF-8 writer to get a UTF-8 file.
    /// </summary>
    /// <param name="writer">Where the CSV goes. It is not flushed or closed.</param>
    /// <param name="end">The first day of the month after the last generated month.</param>
    /// <param name="months">How many whole months to generate (at least 1).</param>
    /// <param name="seed">The seed of <see cref="Random"/>; the same seed, end and months give the same bytes.</param>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not the first day of a month.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is less than 1.</exception>
    public static int WriteResponses(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (end.Day != 1)
        {
            throw new ArgumentException($"The end must be the first day of a month, not {end:yyyy-MM-dd}.", nameof(end));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);

        var generator = new DemoResponseGenerator(seed, end.AddMonths(-months), months);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = new StringBuilder(256);
        writer.Write(ResponsesHeader);
        writer.Write("\r\n");

        var rows = 0;
        for (var m = 0; m < months; m++)
        {
            foreach (var r in generator.GenerateMonth(m))
            {
                counters.TryGetValue(r.Survey, out var number);
                counters[r.Survey] = ++number;

                line.Clear();
                line.Append(r.Survey).Append('-').Append(number.ToString("D6", CultureInfo.InvariantCulture)).Append(',');
                line.Append(r.Survey).Append(',');
                line.Append(r.Score.ToString(CultureInfo.InvariantCulture)).Append(',');
                line.Append(r.RespondedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',');
                line.Append(Csv(r.CustomerId)).Append(',');
                line.Append(Csv(r.Comment)).Append(',');
                line.Append(Csv(r.Channel)).Append(',');
                line.Append(Csv(r.Touchpoint)).Append(',');
                line.Append(Csv(r.Region)).Append(',');
                line.Append(Csv(r.Product)).Append(',');
                line.Append(Csv(r.Segment)).Append(',');
                line.Append(Csv(r.Agent)).Append(',');
                line.Append(Csv(r.Department)).Append("\r\n");
                writer.Write(line);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>
    /// Quotes one CSV field as RFC 4180 asks: a field holding a comma, a double quote, a line break, or leading or
    /// trailing white space is wrapped in double quotes, with each double quote inside doubled; null is empty.
    /// </summary>
    public static string Csv(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || char.IsWhiteSpace(field[0])
            || char.IsWhiteSpace(field[^1]);
        if (!needsQuotes)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
