using CsvHelper;

namespace CxBridge.Data.Tests.Demo;

/// <summary>Reads CSV text with CsvHelper 34 (a real RFC 4180 parser), failing on malformed quoting.</summary>
public static class CsvTestReader
{
    public static (string[] Header, List<string[]> Rows) Read(TextReader text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }

            rows.Add(fields);
        }

        return (csv.Headers.ToArray(), rows);
    }

    public static (string[] Header, List<string[]> Rows) Read(string text) => Read(new StringReader(text));
}
