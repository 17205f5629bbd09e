namespace CxBridge.Data.Entities;

/// <summary>One upload of one file, whatever its outcome: what was read, what went in, what was rejected.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Checksum { get; set; }
    public long SizeBytes { get; set; }
    public required string Encoding { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string Status { get; set; }
    public required string Mode { get; set; }
    /// <summary>The upload's options (survey, scale, date, mapping...) as JSON.</summary>
    public string Options { get; set; } = "{}";
    public int RowsRead { get; set; }
    public int RowsImported { get; set; }
    public int RowsUpdated { get; set; }
    public int DuplicatesSkipped { get; set; }
    public int RowsRejected { get; set; }
    /// <summary>Rows whose score was blank (empty, NA, N/A): unanswered, not imported, not errors.</summary>
    public int RowsBlank { get; set; }
    public string? Message { get; set; }
    public long? FirstRowId { get; set; }
    public long? LastRowId { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public List<ImportError> Errors { get; set; } = [];
}

public static class BatchStatus
{
    public const string Imported = "imported";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Undone = "undone";
}
