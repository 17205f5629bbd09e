namespace CxBridge.Data.Imports;

/// <summary>What an upload did (the API's answer, docs/data-contract.md). <see cref="NotCsv"/> marks a file that is not a CSV at all.</summary>
public sealed record ImportReport
{
    public long? BatchId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public string? FileName { get; init; }
    public string? Encoding { get; init; }
    public char? Separator { get; init; }
    public int RowsRead { get; init; }
    public int RowsImported { get; init; }
    public int RowsUpdated { get; init; }
    public int DuplicatesSkipped { get; init; }
    public int RowsRejected { get; init; }
    public int RowsBlank { get; init; }
    public string? Message { get; init; }
    public bool NotCsv { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];
}

/// <summary>An earlier import of the same file (same checksum) that is still in place.</summary>
public sealed record EarlierImport(long BatchId, string FileName, DateTimeOffset CreatedAt, int RowsImported);

/// <summary>
/// A dry run's view of a file: what an import would do (the same counts, duplicates included), the mapping, the first
/// rows as they would be stored, what would be rejected, and earlier imports of the very same file.
/// </summary>
public sealed record ImportPreview
{
    public required ImportReport Report { get; init; }
    public string? Checksum { get; init; }
    /// <summary>Batches that imported a file with this checksum before and were not undone (newest first, at most five).</summary>
    public IReadOnlyList<EarlierImport> SameFileImports { get; init; } = [];
    public IReadOnlyList<string> Headers { get; init; } = [];
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> UnusedHeaders { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string?>>> Rows { get; init; } = [];
    /// <summary>The first raw rows of the file as read, header first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RawRows { get; init; } = [];
}

/// <summary>An upload to import: the kind, the file on disk, who sent it and its options.</summary>
public sealed record ImportRequest(string Kind, string FileName, string FilePath, ImportOptions Options, string UploadedBy = "anonymous")
{
    /// <summary>Told the number of rows staged so far, every <see cref="ImportService.ProgressEvery"/> rows.</summary>
    public IProgress<long>? Progress { get; init; }
}
