using CxBridge.Data;
using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Web.Components.Pages.Imports;

/// <summary>One page of rows and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}

/// <summary>The import pages' reads: the history and a batch with its errors, paged and sorted in the database.</summary>
public sealed class ImportsQuery(IDbContextFactory<CxBridgeDbContext> contexts)
{
    public const int HistoryPageSize = 20;
    public const int ErrorsPageSize = 50;

    /// <summary>Sort keys the history accepts ("-key" for descending); newest first otherwise.</summary>
    public static readonly string[] HistorySorts = ["id", "file", "kind", "status", "read", "imported", "rejected"];

    public async Task<Page<ImportBatch>> HistoryAsync(int page, string? sort, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.ImportBatches.AsNoTracking();
        var descending = sort?.StartsWith('-') ?? true;
        query = (sort?.TrimStart('-')) switch
        {
            "file" => descending ? query.OrderByDescending(b => b.FileName).ThenByDescending(b => b.Id) : query.OrderBy(b => b.FileName).ThenBy(b => b.Id),
            "kind" => descending ? query.OrderByDescending(b => b.Kind).ThenByDescending(b => b.Id) : query.OrderBy(b => b.Kind).ThenBy(b => b.Id),
            "status" => descending ? query.OrderByDescending(b => b.Status).ThenByDescending(b => b.Id) : query.OrderBy(b => b.Status).ThenBy(b => b.Id),
            "read" => descending ? query.OrderByDescending(b => b.RowsRead).ThenByDescending(b => b.Id) : query.OrderBy(b => b.RowsRead).ThenBy(b => b.Id),
            "imported" => descending ? query.OrderByDescending(b => b.RowsImported).ThenByDescending(b => b.Id) : query.OrderBy(b => b.RowsImported).ThenBy(b => b.Id),
            "rejected" => descending ? query.OrderByDescending(b => b.RowsRejected).ThenByDescending(b => b.Id) : query.OrderBy(b => b.RowsRejected).ThenBy(b => b.Id),
            _ => descending ? query.OrderByDescending(b => b.Id) : query.OrderBy(b => b.Id),
        };
        var total = await db.ImportBatches.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + HistoryPageSize - 1) / HistoryPageSize));
        var items = await query.Skip((page - 1) * HistoryPageSize).Take(HistoryPageSize).ToListAsync(ct);
        return new Page<ImportBatch>(items, total, page, HistoryPageSize);
    }

    public async Task<ImportBatch?> BatchAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
    }

    /// <summary>A batch's stored row errors, by row (file order) or by column ("-row", "column", "-column").</summary>
    public async Task<Page<ImportError>> ErrorsAsync(long batchId, int page, string? sort, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = db.ImportErrors.AsNoTracking().Where(e => e.BatchId == batchId);
        errors = sort switch
        {
            "-row" => errors.OrderByDescending(e => e.RowNumber).ThenByDescending(e => e.Ordinal),
            "column" => errors.OrderBy(e => e.ColumnName).ThenBy(e => e.RowNumber).ThenBy(e => e.Ordinal),
            "-column" => errors.OrderByDescending(e => e.ColumnName).ThenBy(e => e.RowNumber).ThenBy(e => e.Ordinal),
            _ => errors.OrderBy(e => e.RowNumber).ThenBy(e => e.Ordinal),
        };
        var total = await errors.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + ErrorsPageSize - 1) / ErrorsPageSize));
        var items = await errors.Skip((page - 1) * ErrorsPageSize).Take(ErrorsPageSize).ToListAsync(ct);
        return new Page<ImportError>(items, total, page, ErrorsPageSize);
    }
}
