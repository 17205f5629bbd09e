using CsvHelper;
using Npgsql;

namespace CxBridge.Data.Imports;

/// <summary>
/// One kind of CSV the import service takes (responses, and later customers, orders, tickets, kpis): its
/// fields, how a row becomes a typed record, how records are staged with binary COPY, and the one set-based
/// statement that moves them from staging into their table.
/// </summary>
public abstract class ImportKind<TRow>
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<ImportField> Fields { get; }

    /// <summary>Problems of the file as a whole once its columns are known (a required field with no column).</summary>
    public abstract IEnumerable<string> CheckColumns(HeaderMapping mapping, ImportOptions options);

    /// <summary>Reads one row; returns false with errors added to <paramref name="row"/>, or for a blank (unanswered) row.</summary>
    public abstract bool TryParse(RowReader row, out TRow record);

    /// <summary>CREATE TEMP TABLE import_staging (...) ON COMMIT DROP.</summary>
    public abstract string StagingTableSql { get; }
    public abstract string CopyCommand { get; }
    public abstract void Write(NpgsqlBinaryImporter importer, in TRow record);

    /// <summary>Moves staging into the kind's table for batch $1; returns one row (inserted int, updated int, first_id bigint, last_id bigint).</summary>
    public abstract string MergeSql { get; }

    /// <summary>Deletes batch $1's rows whose ids lie in [$2, $3]; returns the count deleted.</summary>
    public abstract string UndoSql { get; }

    /// <summary>The record as field → text, for the preview table.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string?>> Describe(in TRow record);
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

    /// <summary>Records that <paramref name="field"/>'s <paramref name="value"/> is wrong and what was expected.</summary>
    public void Error(string? field, string? value, string message) =>
        _errors.Add(new RowError(RowNumber, field is null ? null : mapping.HeaderOf(field) ?? field, value, message));
}

/// <summary>What every row of one import shares: the upload's options, the time zone, the clock.</summary>
public sealed record ImportContext(ImportOptions Options, TimeZoneInfo TimeZone, DateTimeOffset Now);

/// <summary>A row the import refused: row number (header = 1), column (the file's header), value, and what was expected.</summary>
public sealed record RowError(long Row, string? Column, string? Value, string Message);
