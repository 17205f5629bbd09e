namespace CxBridge.Data.Entities;

/// <summary>A row the import refused: where it is, which column, the value, and what was expected.</summary>
public sealed class ImportError
{
    public long BatchId { get; set; }
    public int Ordinal { get; set; }
    /// <summary>Spreadsheet row: the header is row 1, the first data row is row 2.</summary>
    public long RowNumber { get; set; }
    public string? ColumnName { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
}
