using CxBridge.Data;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Web.Api;

/// <summary>POST/GET/DELETE /api/imports (docs/data-contract.md). Answers 201, 422 (nothing imported because of bad rows) or 400.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/imports").WithTags("Imports");
        api.MapPost("/{kind}", UploadAsync).DisableAntiforgery();
        api.MapGet("/", ListAsync);
        api.MapGet("/{batchId:long}", GetAsync);
        api.MapDelete("/{batchId:long}", UndoAsync);
        return app;
    }

    /// <summary>A multipart upload (field "file") or a raw text/csv body; options as form fields or query parameters.</summary>
    private static async Task<IResult> UploadAsync(string kind, HttpRequest request, UploadStore uploads, ImportService imports, CancellationToken ct)
    {
        if (!ImportService.Kinds.Contains(kind))
        {
            return Results.Problem(statusCode: 404, title: "Unknown import kind",
                detail: $"'{kind}' is not an import kind: expected one of {string.Join(", ", ImportService.Kinds)}");
        }
        var values = request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
        UploadStore.StoredUpload stored;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                if (file is null)
                {
                    return Results.Problem(statusCode: 400, title: "No file", detail: "expected a multipart field named 'file' holding the CSV");
                }
                values.AddRange(form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())));
                await using var content = file.OpenReadStream();
                stored = await uploads.SaveAsync(content, file.FileName, ct);
            }
            else if (request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
            {
                stored = await uploads.SaveAsync(request.Body, request.Query["filename"].FirstOrDefault() ?? $"{kind}.csv", ct);
            }
            else
            {
                return Results.Problem(statusCode: 400, title: "Not a CSV upload",
                    detail: "expected multipart/form-data with a 'file' field, or a text/csv body");
            }
        }
        catch (UploadTooLargeException ex)
        {
            return Results.Problem(statusCode: 413, title: "File too large", detail: ex.Message);
        }

        try
        {
            var options = ImportOptions.Parse(values, out var problems);
            if (problems.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["options"] = problems.ToArray() },
                    title: "The upload's options are not valid", detail: string.Join("; ", problems));
            }
            var report = await imports.ImportAsync(new ImportRequest(kind, stored.FileName, stored.Path, options, UploadedBy(request)), ct);
            return report switch
            {
                { NotCsv: true } => Results.Problem(statusCode: 400, title: "Not a CSV file", detail: report.Message,
                    extensions: new Dictionary<string, object?> { ["batchId"] = report.BatchId }),
                { Status: BatchStatus.Rejected } => Results.UnprocessableEntity(report),
                _ => Results.Created($"/api/imports/{report.BatchId}", report),
            };
        }
        finally
        {
            File.Delete(stored.Path);
            uploads.Delete(stored.Id);
        }
    }

    internal static string UploadedBy(HttpRequest request) =>
        request.HttpContext.User.Identity?.Name ?? request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    private static async Task<IResult> ListAsync(CxBridgeDbContext db, CancellationToken ct, int take = 100) =>
        Results.Ok(await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(b => new BatchSummary(b.Id, b.Kind, b.FileName, b.Status, b.CreatedAt, b.UploadedBy, b.RowsRead, b.RowsImported,
                b.RowsUpdated, b.DuplicatesSkipped, b.RowsRejected, b.RowsBlank, b.Message))
            .ToListAsync(ct));

    private static async Task<IResult> GetAsync(long batchId, CxBridgeDbContext db, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().Include(b => b.Errors.OrderBy(e => e.Ordinal)).SingleOrDefaultAsync(b => b.Id == batchId, ct);
        return batch is null
            ? Results.Problem(statusCode: 404, title: "No such batch", detail: $"there is no import batch {batchId}")
            : Results.Ok(new
            {
                batchId = batch.Id, batch.Kind, batch.FileName, batch.Status, batch.CreatedAt, batch.FinishedAt, batch.UploadedBy,
                batch.Checksum, batch.SizeBytes, batch.Encoding, batch.Mode, batch.RowsRead, batch.RowsImported, batch.RowsUpdated,
                batch.DuplicatesSkipped, batch.RowsRejected, batch.RowsBlank, batch.Message, batch.UndoneAt,
                errors = batch.Errors.Select(e => new { row = e.RowNumber, column = e.ColumnName, e.Value, e.Message }),
            });
    }

    private static async Task<IResult> UndoAsync(long batchId, ImportService imports, CancellationToken ct)
    {
        try
        {
            var deleted = await imports.UndoAsync(batchId, ct);
            return deleted is null
                ? Results.Problem(statusCode: 404, title: "No such batch", detail: $"there is no import batch {batchId}")
                : Results.Ok(new { batchId, status = BatchStatus.Undone, rowsDeleted = deleted });
        }
        catch (InvalidOperationException ex)
        {
            return Results.Problem(statusCode: 409, title: "Cannot undo", detail: ex.Message);
        }
    }

    public sealed record BatchSummary(long BatchId, string Kind, string FileName, string Status, DateTimeOffset CreatedAt, string UploadedBy,
        int RowsRead, int RowsImported, int RowsUpdated, int DuplicatesSkipped, int RowsRejected, int RowsBlank, string? Message);
}
