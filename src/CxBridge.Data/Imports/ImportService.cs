using CsvHelper;
using CxBridge.Data.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Imports;

/// <summary>
/// Imports CSV files (docs/data-contract.md). One pass streams the file through CsvHelper into a temporary staging table
/// with binary COPY, then one set-based statement moves the rows into place, all in one transaction: a file
/// either goes in whole (strict), goes in without its bad rows (skip-invalid), or leaves nothing behind.
/// Memory stays flat whatever the file size: rows are never held, only up to MaxStoredErrors errors.
/// </summary>
public sealed class ImportService(NpgsqlDataSource dataSource, IOptions<CxBridgeSettings> settings, TimeProvider clock, ILogger<ImportService> logger,
    DataChanges? changes = null)
{
    public const int ProgressEvery = 5_000;
    public static IEnumerable<string> Kinds => ImportKind.All.Select(k => k.Name);

    /// <summary>Imports the file; the report says what went in and what did not.</summary>
    public Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken ct = default) =>
        KindOf(request).ImportAsync(this, request, ct);

    /// <summary>Reads the whole file as the import would, writing nothing; keeps the first <paramref name="rows"/> rows.</summary>
    public Task<ImportPreview> PreviewAsync(ImportRequest request, int rows = 10, CancellationToken ct = default) =>
        KindOf(request).PreviewAsync(this, request, rows, ct);

    private static ImportKind KindOf(ImportRequest request) => ImportKind.Find(request.Kind)
        ?? throw new ArgumentException($"unknown import kind '{request.Kind}': expected one of {ImportKind.Names}", nameof(request));

    /// <summary>
    /// Undoes a batch: deletes exactly its rows and marks it undone. Returns the rows deleted, or null when there
    /// is no such batch. Refused (InvalidOperationException, nothing changed) when the batch is not imported, when
    /// it updated existing rows (their previous values are not kept), or when later imports updated its rows.
    /// </summary>
    public async Task<int?> UndoAsync(long batchId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        string kind, status;
        int imported, updated;
        long? first, last;
        await using (var find = new NpgsqlCommand(
            "SELECT kind, status, rows_imported, rows_updated, first_row_id, last_row_id FROM import_batches WHERE id = $1 FOR UPDATE", connection, tx))
        {
            find.Parameters.AddWithValue(batchId);
            await using var reader = await find.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            (kind, status, imported, updated) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
            first = reader.IsDBNull(4) ? null : reader.GetInt64(4);
            last = reader.IsDBNull(5) ? null : reader.GetInt64(5);
        }
        if (status != BatchStatus.Imported)
        {
            throw new InvalidOperationException($"batch {batchId} is {status}: only an imported batch can be undone");
        }
        if (updated > 0)
        {
            throw new InvalidOperationException(
                $"batch {batchId} updated {updated} existing {kind} rows and their previous values are not kept, so undoing it would leave wrong data; upload the earlier file again to restore them");
        }
        int deleted;
        var undo = ImportKind.Find(kind)!;
        await using (var delete = new NpgsqlCommand(undo.UndoSql, connection, tx))
        {
            delete.Parameters.AddWithValue(batchId);
            if (undo.UndoByRowIdRange)
            {
                delete.Parameters.Add(new NpgsqlParameter { Value = (object?)first ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
                delete.Parameters.Add(new NpgsqlParameter { Value = (object?)last ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            }
            deleted = await delete.ExecuteNonQueryAsync(ct);
        }
        if (deleted != imported)
        {
            await tx.RollbackAsync(ct);
            throw new InvalidOperationException(
                $"{imported - deleted} of the {imported} rows batch {batchId} imported have since been updated by later imports (undo those first) or deleted by hand (an event)");
        }
        await using (var mark = new NpgsqlCommand("UPDATE import_batches SET status = 'undone', undone_at = now() WHERE id = $1", connection, tx))
        {
            mark.Parameters.AddWithValue(batchId);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        changes?.Changed();
        logger.LogInformation("Undid import batch {BatchId}: {Deleted} rows deleted", batchId, deleted);
        return deleted;
    }

    internal async Task<ImportReport> ImportAsync<TRow>(ImportKind<TRow> kind, ImportRequest request, CancellationToken ct)
    {
        var file = await UploadedFile.InspectAsync(request.FilePath, request.Options.Encoding, ct);
        var startedAt = clock.GetUtcNow();
        if (NotCsvReason(file) is { } notCsv)
        {
            return await RecordRejectedAsync(kind.Name, request, file, startedAt, new ParseSummary { Message = notCsv, NotCsv = true }, ct);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        ParseSummary summary;
        long batchId;
        (int Inserted, int Updated, long? First, long? Last) merged;
        int duplicates;
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            batchId = await InsertBatchAsync(connection, tx, kind.Name, request, file, startedAt, BatchStatus.Imported, ct);
            summary = await StageAsync(connection, tx, kind, file, request, (long staged, in TRow _) =>
            {
                if (staged % ProgressEvery == 0)
                {
                    request.Progress?.Report(staged);
                }
            }, rawRows: 0, ct);
            if (!summary.Accepts(request.Options.Mode))
            {
                await tx.RollbackAsync(ct);
                return await RecordRejectedAsync(kind.Name, request, file, startedAt, summary, ct);
            }
            merged = await MergeAsync(connection, tx, kind.MergeSql, batchId, settings.Value.ImportCommandTimeoutSeconds, ct);
            // Valid rows that neither inserted nor updated: a response already there, or a key repeated in the file.
            duplicates = summary.Valid - merged.Inserted - merged.Updated;
            await FinishBatchAsync(connection, tx, batchId, summary, merged, duplicates, ct);
            await InsertErrorsAsync(connection, tx, batchId, summary.Errors, ct);
            await tx.CommitAsync(ct);
            changes?.Changed();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import of {FileName} ({Kind}) failed; nothing was imported", request.FileName, kind.Name);
            await TryRecordFailedAsync(kind.Name, request, file, startedAt, ex, ct);
            throw;
        }

        var report = Report(kind.Name, batchId, BatchStatus.Imported, request, file, summary) with
        {
            RowsImported = merged.Inserted,
            RowsUpdated = merged.Updated,
            DuplicatesSkipped = duplicates,
        };
        logger.LogInformation("Import batch {BatchId} ({Kind}, {FileName}): {Read} read, {Imported} imported, {Duplicates} duplicates, {Rejected} rejected, {Blank} blank",
            batchId, kind.Name, request.FileName, report.RowsRead, report.RowsImported, report.DuplicatesSkipped, report.RowsRejected, report.RowsBlank);
        return report;
    }

    /// <summary>
    /// A dry run: the file is staged and merged exactly as an import would do it, inside a transaction that is then
    /// rolled back, so the counts (imported, updated, duplicates skipped) are the ones the import will report.
    /// Also lists earlier imported batches of the very same file (same SHA-256).
    /// </summary>
    internal async Task<ImportPreview> PreviewAsync<TRow>(ImportKind<TRow> kind, ImportRequest request, int rows, CancellationToken ct)
    {
        var file = await UploadedFile.InspectAsync(request.FilePath, request.Options.Encoding, ct);
        if (NotCsvReason(file) is { } notCsv)
        {
            return new ImportPreview { Report = Report(kind.Name, null, BatchStatus.Rejected, request, file, new ParseSummary { Message = notCsv, NotCsv = true }) };
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var sameFile = await SameFileBatchesAsync(connection, kind.Name, file.Checksum, ct);
        var kept = new List<IReadOnlyList<KeyValuePair<string, string?>>>();
        ParseSummary summary;
        (int Inserted, int Updated, long? First, long? Last) merged = (0, 0, null, null);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            summary = await StageAsync(connection, tx, kind, file, request, (long _, in TRow row) =>
            {
                if (kept.Count < rows)
                {
                    kept.Add(kind.Describe(row));
                }
            }, rawRows: rows, ct);
            if (summary.Accepts(request.Options.Mode))
            {
                // The batch id only tags the rolled-back rows; 0 is never a real batch.
                merged = await MergeAsync(connection, tx, kind.MergeSql, 0, settings.Value.ImportCommandTimeoutSeconds, ct);
            }
            await tx.RollbackAsync(ct);
        }
        var status = summary.Accepts(request.Options.Mode) ? BatchStatus.Imported : BatchStatus.Rejected;
        var report = Report(kind.Name, null, status, request, file, summary);
        if (status == BatchStatus.Imported)
        {
            report = report with
            {
                RowsImported = merged.Inserted,
                RowsUpdated = merged.Updated,
                DuplicatesSkipped = summary.Valid - merged.Inserted - merged.Updated,
            };
        }
        return new ImportPreview
        {
            Report = report,
            Checksum = file.Checksum,
            SameFileImports = sameFile,
            Headers = summary.Mapping?.Headers ?? [],
            Mapping = summary.Mapping?.Matched ?? new Dictionary<string, string>(),
            UnusedHeaders = summary.Mapping?.Unused ?? [],
            Rows = kept,
            RawRows = summary.RawRows,
        };
    }

    /// <summary>Imported (not undone) batches of this kind whose file had exactly this checksum, newest first.</summary>
    private static async Task<IReadOnlyList<EarlierImport>> SameFileBatchesAsync(NpgsqlConnection connection, string kind, string checksum, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, file_name, created_at, rows_imported FROM import_batches
            WHERE checksum = $1 AND kind = $2 AND status = 'imported' ORDER BY id DESC LIMIT 5
            """, connection);
        command.Parameters.AddWithValue(checksum);
        command.Parameters.AddWithValue(kind);
        var result = new List<EarlierImport>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new EarlierImport(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3)));
        }
        return result;
    }

    private delegate void RowSink<TRow>(in TRow row);

    private delegate void StagedRow<TRow>(long staged, in TRow row);

    /// <summary>
    /// Creates the kind's staging table and binary-COPYs the file's valid rows into it (in strict mode, none after the
    /// first bad row), telling <paramref name="onRow"/> each staged row with its count; the COPY is completed only when
    /// the file is accepted in its mode (disposing an incomplete importer cancels it). The import and the dry run share it.
    /// </summary>
    private async Task<ParseSummary> StageAsync<TRow>(NpgsqlConnection connection, NpgsqlTransaction tx, ImportKind<TRow> kind, UploadedFile file,
        ImportRequest request, StagedRow<TRow> onRow, int rawRows, CancellationToken ct)
    {
        await using (var staging = new NpgsqlCommand(kind.StagingTableSql, connection, tx))
        {
            await staging.ExecuteNonQueryAsync(ct);
        }
        var staged = 0L;
        await using var importer = await connection.BeginBinaryImportAsync(kind.CopyCommand, ct);
        importer.Timeout = TimeSpan.FromSeconds(settings.Value.ImportCommandTimeoutSeconds);
        var summary = Parse(kind, file, request.Options, (in TRow row) =>
        {
            kind.Write(importer, ++staged, row);
            onRow(staged, row);
        }, rawRows, staging: true);
        if (summary.Accepts(request.Options.Mode))
        {
            await importer.CompleteAsync(ct);
        }
        return summary;
    }

    /// <summary>What reading a file found: counts, the mapping, errors (capped), and a file-level message.</summary>
    private sealed class ParseSummary
    {
        public HeaderMapping? Mapping { get; set; }
        public char? Separator { get; set; }
        public int Read { get; set; }
        public int Valid { get; set; }
        public int Rejected { get; set; }
        public int Blank { get; set; }
        public List<RowError> Errors { get; } = [];
        public string? Message { get; set; }
        public bool NotCsv { get; init; }
        public List<IReadOnlyList<string>> RawRows { get; } = [];

        /// <summary>Strict takes a file only without errors; skip-invalid takes any file whose columns were understood.</summary>
        public bool Accepts(ImportMode mode) =>
            Message is null && (mode == ImportMode.SkipInvalid || Rejected == 0);
    }

    // staging: the sink stages rows for import. In strict mode, once a row is bad the file will not go in, so the
    // remaining rows are still checked (every error is reported) but no longer staged.
    private ParseSummary Parse<TRow>(ImportKind<TRow> kind, UploadedFile file, ImportOptions options, RowSink<TRow> sink, int rawRows = 0, bool staging = false)
    {
        var summary = new ParseSummary();
        // One reading of the settings for the whole file, however they change meanwhile.
        var current = settings.Value;
        var maxErrors = current.MaxStoredErrors;
        var context = new ImportContext(options, current.TimeZoneInfo, clock.GetUtcNow()) { Scales = current.DefaultScales };
        CsvHelper.CsvMalformedReason? malformed = null;
        var csvOptions = new CsvReaderOptions
        {
            HasHeader = true,
            // CsvHelper reads UTF-8 (and byte-order-marked UTF-16) itself; single-byte code pages it transcodes.
            Encoding = file.Encoding is System.Text.UTF8Encoding or System.Text.UnicodeEncoding ? null : file.Encoding,
            DetectSeparatorHint = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvHelper.CsvMalformedReason.UnterminatedQuote)
                {
                    malformed = record.Reason;
                }
            },
        };
        using var csv = CsvReader.Create(File.OpenRead(file.Path), csvOptions, leaveOpen: false);
        var headers = csv.Headers.ToList();
        summary.Separator = csv.Separator;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            summary.Message = "the file has no header row: expected a first line naming the columns";
            return summary;
        }
        if (rawRows > 0)
        {
            summary.RawRows.Add(headers);
        }
        var mapping = HeaderMapping.Resolve(headers, kind.Fields, options.Map);
        summary.Mapping = mapping;
        var fileProblems = mapping.Problems.Concat(kind.CheckColumns(mapping, options)).ToList();
        if (fileProblems.Count > 0)
        {
            summary.Message = string.Join("; ", fileProblems);
            summary.Errors.AddRange(fileProblems.Select(p => new RowError(1, null, null, p)));
            // Still show the first rows, so the columns can be mapped by looking at the data.
            while (summary.RawRows.Count <= rawRows && csv.Read())
            {
                summary.RawRows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
            }
            return summary;
        }

        var row = new RowReader(csv, mapping, context);
        while (csv.Read())
        {
            summary.Read++;
            row.MoveTo(csv.RowNumber + 1);
            if (summary.RawRows.Count <= rawRows && rawRows > 0)
            {
                summary.RawRows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
            }
            if (malformed is not null)
            {
                row.Error(null, null, "unclosed quote: a quoted field that starts in this row is never closed, so the rest of the file was read into it; expected a closing \" (double any quote inside a quoted field: \"\")");
                malformed = null;
            }
            else if (csv.FieldCount != headers.Count)
            {
                row.Error(null, null, $"this row has {csv.FieldCount} fields: expected {headers.Count}, one per header column (a missing separator or an unquoted {csv.Separator} inside a value?)");
            }

            if (row.Errors.Count == 0 && kind.TryParse(row, out var record))
            {
                summary.Valid++;
                if (!(staging && options.Mode == ImportMode.Strict && summary.Rejected > 0))
                {
                    sink(record);
                }
            }
            else if (row.Blank && row.Errors.Count == 0)
            {
                summary.Blank++;
            }
            else
            {
                summary.Rejected++;
                foreach (var error in row.Errors)
                {
                    if (summary.Errors.Count < maxErrors)
                    {
                        summary.Errors.Add(error);
                    }
                }
            }
        }
        if (summary.Read == 0)
        {
            summary.Message = "the file has a header row but no data rows";
            summary.Errors.Add(new RowError(2, null, null, "no data rows: expected at least one row after the header"));
        }
        return summary;
    }

    private static string? NotCsvReason(UploadedFile file) =>
        file.SizeBytes == 0 ? "the file is empty: expected a CSV file with a header row and data rows"
        : file.LooksBinary ? "this is not a text file (it contains binary data, e.g. a spreadsheet or an archive): expected a CSV file; save the sheet as CSV first"
        : null;

    private ImportReport Report(string kind, long? batchId, string status, ImportRequest request, UploadedFile file, ParseSummary summary) => new()
    {
        BatchId = batchId,
        Kind = kind,
        Status = status,
        FileName = request.FileName,
        Encoding = file.Encoding.WebName,
        Separator = summary.Separator,
        RowsRead = summary.Read,
        RowsRejected = summary.Rejected,
        RowsBlank = summary.Blank,
        Message = summary.Message ?? (summary.Rejected > 0 && status == BatchStatus.Rejected
            ? $"{summary.Rejected} of {summary.Read} rows have errors; nothing was imported (mode strict). Fix them, or import with mode skip-invalid to take the other rows."
            : null),
        NotCsv = summary.NotCsv,
        Errors = summary.Errors,
    };

    private async Task<ImportReport> RecordRejectedAsync(string kind, ImportRequest request, UploadedFile file, DateTimeOffset startedAt, ParseSummary summary, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var batchId = await InsertBatchAsync(connection, tx, kind, request, file, startedAt, BatchStatus.Rejected, ct);
        var report = Report(kind, batchId, BatchStatus.Rejected, request, file, summary);
        await FinishBatchAsync(connection, tx, batchId, summary, (0, 0, null, null), duplicates: 0, ct, report.Message);
        await InsertErrorsAsync(connection, tx, batchId, summary.Errors, ct);
        await tx.CommitAsync(ct);
        logger.LogWarning("Import batch {BatchId} ({Kind}, {FileName}) rejected: {Message}", batchId, kind, request.FileName, report.Message);
        return report;
    }

    private async Task TryRecordFailedAsync(string kind, ImportRequest request, UploadedFile file, DateTimeOffset startedAt, Exception error, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var batchId = await InsertBatchAsync(connection, null, kind, request, file, startedAt, BatchStatus.Failed, ct);
            await using var command = new NpgsqlCommand("UPDATE import_batches SET message = $2, finished_at = now() WHERE id = $1", connection);
            command.Parameters.AddWithValue(batchId);
            command.Parameters.AddWithValue($"the import stopped with an error and nothing was imported: {error.Message}");
            await command.ExecuteNonQueryAsync(ct);
            logger.LogError("Import batch {BatchId} ({Kind}, {FileName}) recorded as failed", batchId, kind, request.FileName);
        }
        catch (Exception recordError)
        {
            logger.LogError(recordError, "Could not record the failed import of {FileName}", request.FileName);
        }
    }

    private static async Task<long> InsertBatchAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string kind, ImportRequest request, UploadedFile file, DateTimeOffset startedAt, string status, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO import_batches (kind, file_name, checksum, size_bytes, encoding, uploaded_by, created_at, status, mode, options)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id
            """, connection, tx);
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(request.FileName);
        command.Parameters.AddWithValue(file.Checksum);
        command.Parameters.AddWithValue(file.SizeBytes);
        command.Parameters.AddWithValue(file.Encoding.WebName);
        command.Parameters.AddWithValue(request.UploadedBy);
        command.Parameters.AddWithValue(startedAt);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue(request.Options.ModeCode);
        command.Parameters.AddWithValue(request.Options.ToJson());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<(int, int, long?, long?)> MergeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, long batchId, int timeoutSeconds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = timeoutSeconds };
        command.Parameters.AddWithValue(batchId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    private static async Task FinishBatchAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long batchId, ParseSummary summary,
        (int Inserted, int Updated, long? First, long? Last) merged, int duplicates, CancellationToken ct, string? message = null)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE import_batches SET finished_at = now(), rows_read = $2, rows_imported = $3, rows_updated = $4,
                duplicates_skipped = $5, rows_rejected = $6, rows_blank = $7, message = $8, first_row_id = $9, last_row_id = $10
            WHERE id = $1
            """, connection, tx);
        command.Parameters.AddWithValue(batchId);
        command.Parameters.AddWithValue(summary.Read);
        command.Parameters.AddWithValue(merged.Inserted);
        command.Parameters.AddWithValue(merged.Updated);
        command.Parameters.AddWithValue(duplicates);
        command.Parameters.AddWithValue(summary.Rejected);
        command.Parameters.AddWithValue(summary.Blank);
        command.Parameters.AddWithValue((object?)message ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)merged.First ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)merged.Last ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertErrorsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long batchId, IReadOnlyList<RowError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY import_errors (batch_id, ordinal, row_number, column_name, value, message) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < errors.Count; i++)
        {
            var e = errors[i];
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(batchId, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(e.Row, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync((object?)e.Column ?? DBNull.Value, NpgsqlTypes.NpgsqlDbType.Text, ct);
            await importer.WriteAsync((object?)Truncate(e.Value) ?? DBNull.Value, NpgsqlTypes.NpgsqlDbType.Text, ct);
            await importer.WriteAsync(e.Message, NpgsqlTypes.NpgsqlDbType.Text, ct);
        }
        await importer.CompleteAsync(ct);
    }

    private static string? Truncate(string? value) => value is { Length: > 500 } ? value[..500] + "…" : value;
}
