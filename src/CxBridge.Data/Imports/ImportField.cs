namespace CxBridge.Data.Imports;

/// <summary>A canonical column of an import kind, with the header names real exports use for it.</summary>
public sealed record ImportField(string Name, bool Required, params string[] Synonyms)
{
    /// <summary>Header matching ignores case, spaces, underscores, hyphens and dots: "Responded At" = "responded_at".</summary>
    public static string Normalize(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var length = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }
}

/// <summary>Which file column feeds which field, decided once per file.</summary>
public sealed class HeaderMapping
{
    private readonly Dictionary<string, int> _indexByField = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Headers { get; }
    /// <summary>Field → header, for every field that found a column.</summary>
    public IReadOnlyDictionary<string, string> Matched { get; }
    /// <summary>Headers no field uses (shown in the preview, ignored by the import).</summary>
    public IReadOnlyList<string> Unused { get; }
    /// <summary>Problems with the explicit mapping (a header named that the file does not have).</summary>
    public IReadOnlyList<string> Problems { get; }

    private HeaderMapping(IReadOnlyList<string> headers, Dictionary<string, string> matched, List<string> problems)
    {
        Headers = headers;
        Matched = matched;
        Problems = problems;
        foreach (var (field, header) in matched)
        {
            _indexByField[field] = IndexOf(headers, header);
        }
        Unused = headers.Where(h => !matched.Values.Contains(h)).ToList();
    }

    public bool TryGetIndex(string field, out int index) => _indexByField.TryGetValue(field, out index);

    public string? HeaderOf(string field) => Matched.GetValueOrDefault(field);

    /// <summary>
    /// Explicit mapping first (<c>map.score=Rating</c>: exact header, else header matched as normalised text),
    /// then each remaining field takes the first unclaimed header equal to its name or one of its synonyms.
    /// </summary>
    public static HeaderMapping Resolve(IReadOnlyList<string> headers, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<string, string> explicitMap)
    {
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fieldName, header) in explicitMap)
        {
            var field = fields.FirstOrDefault(f => f.Name.Equals(fieldName, StringComparison.OrdinalIgnoreCase)
                                                   || ImportField.Normalize(f.Name) == ImportField.Normalize(fieldName));
            if (field is null)
            {
                problems.Add($"map.{fieldName}: no such field; expected one of {string.Join(", ", fields.Select(f => f.Name))}");
                continue;
            }
            var found = headers.FirstOrDefault(h => h == header)
                        ?? headers.FirstOrDefault(h => h.Trim().Equals(header.Trim(), StringComparison.OrdinalIgnoreCase))
                        ?? headers.FirstOrDefault(h => ImportField.Normalize(h) == ImportField.Normalize(header));
            if (found is null)
            {
                problems.Add($"map.{field.Name}: the file has no column '{header}'; its columns are: {string.Join(", ", headers.Select(h => $"'{h}'"))}");
                continue;
            }
            matched[field.Name] = found;
            claimed.Add(found);
        }
        foreach (var field in fields.Where(f => !matched.ContainsKey(f.Name)))
        {
            var names = field.Synonyms.Prepend(field.Name).Select(ImportField.Normalize).ToList();
            var found = names
                .Select(n => headers.FirstOrDefault(h => !claimed.Contains(h) && ImportField.Normalize(h) == n))
                .FirstOrDefault(h => h is not null);
            if (found is not null)
            {
                matched[field.Name] = found;
                claimed.Add(found);
            }
        }
        return new HeaderMapping(headers, matched, problems);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] == header)
            {
                return i;
            }
        }
        return -1;
    }
}
