namespace CxBridge.Data.Imports;

/// <summary>
/// A kind whose rows upsert into one table by a key (customers, orders, tickets, kpis). Its staging table, COPY
/// command, merge and undo are all derived from <see cref="Table"/>, <see cref="Key"/> and <see cref="Columns"/>:
/// a key seen twice in one file keeps its later row (the earlier counts as a duplicate skipped), an existing key
/// is updated and the row moves to the new batch. <see cref="ImportKind{TRow}.Write"/> writes the columns in order.
/// </summary>
public abstract class UpsertImportKind<TRow> : ImportKind<TRow>
{
    protected abstract string Table { get; }

    protected abstract IReadOnlyList<string> Key { get; }

    /// <summary>Every column the file fills, key included, with its SQL type, in the order Write writes them.</summary>
    protected abstract IReadOnlyList<(string Name, string Type)> Columns { get; }

    /// <summary>Common table expressions the merge runs first, in the same statement (e.g. catalog entries the rows need); null for none.</summary>
    protected virtual string? MergePrelude => null;

    private string ColumnNames => string.Join(", ", Columns.Select(c => c.Name));

    private string KeyNames => string.Join(", ", Key);

    public override string StagingTableSql =>
        $"CREATE TEMP TABLE import_staging (ordinal bigint, {string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"))}) ON COMMIT DROP";

    public override string CopyCommand => $"COPY import_staging (ordinal, {ColumnNames}) FROM STDIN (FORMAT BINARY)";

    public override string MergeSql => $"""
        WITH {(MergePrelude is null ? "" : MergePrelude + ",")}
        merged AS (
            INSERT INTO {Table} ({ColumnNames}, batch_id)
            SELECT DISTINCT ON ({KeyNames}) {ColumnNames}, $1
            FROM import_staging ORDER BY {KeyNames}, ordinal DESC
            ON CONFLICT ({KeyNames}) DO UPDATE SET batch_id = EXCLUDED.batch_id,
                {string.Join(", ", Columns.Where(c => !Key.Contains(c.Name)).Select(c => $"{c.Name} = EXCLUDED.{c.Name}"))}
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int, NULL::bigint, NULL::bigint FROM merged
        """;

    public override string UndoSql => $"DELETE FROM {Table} WHERE batch_id = $1";
}
