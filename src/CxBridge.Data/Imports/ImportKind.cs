using System.Globalization;
using CsvHelper;
using Npgsql;

namespace CxBridge.Data.Imports;

/// <summary>
/// One kind of CSV the import service takes (responses, customers, orders, tickets, kpis, events): its fields, how a
/// row becomes a typed record, how records are staged with binary COPY, and the one set-based statement that
/// moves them from staging into their table.
/// </summary>
public abstract class ImportKind
{
    /// <summary>Every kind, by name.</summary>
    public static IReadOnlyList<ImportKind> All { get; } =
        [ResponsesImport.Instance, CustomersImport.Instance, OrdersImport.Instance, TicketsImport.Instance, KpisImport.Instance, EventsImport.Instance];

    public static ImportKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public abstract string Name { get; }

    /// <summary>What a file of this kind holds, in a phrase for people choosing the kind of an upload.</summary>
    public virtual string Description => "";

    public abstract IReadOnlyList<ImportField> Fields { get; }

    /// <summary>Deletes batch $1's rows; with <see cref="UndoByRowIdRange"/>, $2 and $3 bound the ids the batch inserted.</summary>
    public abstract string UndoSql { get; }

    /// <summary>Whether the kind's rows have ids assigned in insert order, so a batch's rows are found by id range.</summary>
    public virtual bool UndoByRowIdRange => false;

    /// <summary>Problems of the file as a whole once its columns are known (a required field with no column).</summary>
    public virtual IEnumerable<string> CheckColumns(HeaderMapping mapping, ImportOptions options) =>
        Fields.Where(f => f.Required && mapping.HeaderOf(f.Name) is null)
            .Select(f => $"no column for {f.Name}: expected a header such as {string.Join(" or ", f.Synonyms.Prepend(f.Name).Take(3))} (or map.{f.Name}=<header>); the file's columns are: {string.Join(", ", mapping.Headers.Select(h => $"'{h}'"))}");

    internal abstract Task<ImportReport> ImportAsync(ImportService service, ImportRequest request, CancellationToken ct);
    internal abstract Task<ImportPreview> PreviewAsync(ImportService service, ImportRequest request, int rows, CancellationToken ct);
}

/// <summary>A kind whose rows parse into <typeparamref name="TRow"/>.</summary>
public abstract class ImportKind<TRow> : ImportKind
{
    /// <summary>Reads one row; returns false with errors added to <paramref name="row"/>, or for a blank (unanswered) row.</summary>
    public abstract bool TryParse(RowReader row, out TRow record);

    /// <summary>CREATE TEMP TABLE import_staging (...) ON COMMIT DROP; its first column is <c>ordinal bigint</c> (file order).</summary>
    public abstract string StagingTableSql { get; }
    public abstract string CopyCommand { get; }
    public abstract void Write(NpgsqlBinaryImporter importer, long ordinal, in TRow record);

    /// <summary>Moves staging into the kind's table for batch $1; returns one row (inserted int, updated int, first_id bigint, last_id bigint).</summary>
    public abstract string MergeSql { get; }

    /// <summary>The record as field → text, for the preview table.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string?>> Describe(in TRow record);

    internal override Task<ImportReport> ImportAsync(ImportService service, ImportRequest request, CancellationToken ct) =>
        service.ImportAsync(this, request, ct);

    internal override Task<ImportPreview> PreviewAsync(ImportService service, ImportRequest request, int rows, CancellationToken ct) =>
        service.PreviewAsync(this, request, rows, ct);

    /// <summary>Writes a nullable text column.</summary>
    protected static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlTypes.NpgsqlDbType.Text);
        }
    }

    /// <summary>Writes a nullable value column.</summary>
    protected static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlTypes.NpgsqlDbType type) where T : struct
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value.Value, type);
        }
    }

    protected static string? Text(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    protected static string? Text(bool? value) => value switch { true => "true", false => "false", null => null };
    protected static string? Text(double? value) => value?.ToString(CultureInfo.InvariantCulture);
    protected static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One row of the file as the kinds see it: values by field name, and a place to put errors.</summary>
public sealed class RowReader(CsvReader csv, HeaderMapping mapping, ImportContext context)
{
    private readonly List<RowError> _errors = [];

    public ImportContext Context => context;
    /// <summary>Spreadsheet row number: the header is row 1.</summary>
    public long RowNumber { get; private set; }
    public bool Blank { get; set; }
    public IReadOnlyList<RowError> Errors => _errors;

    internal void MoveTo(long rowNumber)
    {
        RowNumber = rowNumber;
        Blank = false;
        _errors.Clear();
    }

    /// <summary>The field's value, trimmed; null when the file has no column for it or the cell is empty.</summary>
    public string? Get(string field)
    {
        if (!mapping.TryGetIndex(field, out var index) || index >= csv.FieldCount)
        {
            return null;
        }
        var value = csv.GetString(index).Trim();
        return value.Length == 0 ? null : value;
    }

    public bool Has(string field) => mapping.TryGetIndex(field, out _);

    /// <summary>A value that must be there; records an error when it is empty.</summary>
    public string? Required(string field, string expected)
    {
        var value = Get(field);
        if (value is null)
        {
            Error(field, null, $"empty: expected {expected}");
        }
        return value;
    }

    /// <summary>A timestamp (see <see cref="ValueParsers.ParseTimestamp"/>), not in the future; null when empty or wrong (an error is recorded unless it may be empty).</summary>
    public DateTimeOffset? Timestamp(string field, bool required)
    {
        var text = required ? Required(field, "a date") : Get(field);
        if (text is null)
        {
            return null;
        }
        var value = ValueParsers.ParseTimestamp(text, context.TimeZone, context.Options.DateFormat, out var expected);
        if (value is null)
        {
            Error(field, text, $"not a date I can read without guessing: expected {expected}");
        }
        else if (value > context.Now.AddDays(1))
        {
            Error(field, text, $"in the future: expected a date on or before {context.Now:yyyy-MM-dd}");
            return null;
        }
        return value;
    }

    /// <summary>A money amount such as 1234.50, $1,234.50 or -12 (refunds are negative).</summary>
    public decimal? Amount(string field, bool required)
    {
        var text = required ? Required(field, "an amount such as 1234.50") : Get(field);
        if (text is null)
        {
            return null;
        }
        var value = ValueParsers.ParseAmount(text, out var expected);
        if (value is null)
        {
            Error(field, text, expected);
        }
        return value;
    }

    /// <summary>A finite number such as 12.5 (a trailing % is allowed).</summary>
    public double? Number(string field, bool required)
    {
        var text = required ? Required(field, "a number") : Get(field);
        if (text is null)
        {
            return null;
        }
        var value = ValueParsers.ParseNumber(text.TrimEnd('%'));
        if (value is null)
        {
            Error(field, text, "not a number: expected a number such as 12.5, with a dot for decimals");
        }
        else if (!double.IsFinite(value.Value))
        {
            // double.Parse reads NaN, Infinity and -Infinity (and turns a 400-digit number into Infinity).
            Error(field, text, "not a finite number: expected a number such as 12.5 (NaN and infinity are not values)");
            return null;
        }
        return value;
    }

    /// <summary>true/false, yes/no, y/n, 1/0 (any case).</summary>
    public bool? Boolean(string field)
    {
        var text = Get(field);
        if (text is null)
        {
            return null;
        }
        var value = ValueParsers.ParseBoolean(text);
        if (value is null)
        {
            Error(field, text, "not a yes/no value: expected true, false, yes, no, y, n, 1 or 0");
        }
        return value;
    }

    /// <summary>A whole number at least <paramref name="min"/>.</summary>
    public int? WholeNumber(string field, int min)
    {
        var text = Get(field);
        if (text is null)
        {
            return null;
        }
        var value = ValueParsers.ParseNumber(text);
        if (value is null || value != Math.Floor(value.Value) || value < min || value > int.MaxValue)
        {
            Error(field, text, $"expected a whole number of at least {min}");
            return null;
        }
        return (int)value.Value;
    }

    /// <summary>Records that <paramref name="field"/>'s <paramref name="value"/> is wrong and what was expected.</summary>
    public void Error(string? field, string? value, string message) =>
        _errors.Add(new RowError(RowNumber, field is null ? null : mapping.HeaderOf(field) ?? field, value, message));
}

/// <summary>
/// What every row of one import shares: the upload's options, the time zone, the clock, and the scales assumed when the
/// upload names none (the organisation's settings).
/// </summary>
public sealed record ImportContext(ImportOptions Options, TimeZoneInfo TimeZone, DateTimeOffset Now)
{
    public CxBridge.Metrics.DefaultScales Scales { get; init; } = CxBridge.Metrics.DefaultScales.Standard;
}

/// <summary>A row the import refused: row number (header = 1), column (the file's header), value, and what was expected.</summary>
public sealed record RowError(long Row, string? Column, string? Value, string Message);
