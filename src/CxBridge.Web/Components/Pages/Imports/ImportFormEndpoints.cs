using CxBridge.Data.Imports;
using CxBridge.Web.Api;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;

namespace CxBridge.Web.Components.Pages.Imports;

/// <summary>
/// The POST side of the /imports pages (Post/Redirect/Get): upload → preview page, preview → import → batch
/// page, batch → undo. Each form carries an antiforgery token, and each endpoint requires it.
/// </summary>
public static class ImportFormEndpoints
{
    /// <summary>Form fields that are import options (the rest of a form is ignored).</summary>
    private static bool IsOption(string key) =>
        key is "survey" or "scale" or "date" or "polarity" or "mode" or "encoding" or "dateformat" || key.StartsWith("map.", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapImportForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/imports").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // Every form here changes data: it must carry the token its page rendered.
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Results.Problem(statusCode: 400, title: "The form has expired",
                    detail: "the antiforgery token is missing or invalid: reload the page and submit the form again");
        });

        forms.MapPost("/upload", async (HttpRequest request, UploadStore uploads, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            var kind = form["kind"].ToString() is { Length: > 0 } k ? k : "responses";
            if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                return Results.Redirect("/imports?problem=" + Uri.EscapeDataString("choose a CSV file to upload"));
            }
            try
            {
                await using var content = file.OpenReadStream();
                var stored = await uploads.SaveAsync(content, file.FileName, ct);
                return Results.Redirect($"/imports/preview/{stored.Id}?{OptionsQuery(form, kind)}");
            }
            catch (UploadTooLargeException ex)
            {
                return Results.Redirect("/imports?problem=" + Uri.EscapeDataString(ex.Message));
            }
        });

        forms.MapPost("/preview/{uploadId}/import", async (string uploadId, HttpRequest request, UploadStore uploads, ImportService imports, ILoggerFactory logs, CancellationToken ct) =>
        {
            var upload = uploads.Find(uploadId);
            if (upload is null)
            {
                return Results.Redirect("/imports?problem=" + Uri.EscapeDataString("that upload has expired or was already imported; upload the file again"));
            }
            var form = await request.ReadFormAsync(ct);
            var options = ImportOptions.Parse(form.Where(f => IsOption(f.Key)).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())), out var problems);
            var kind = form["kind"].ToString() is { Length: > 0 } k ? k : "responses";
            if (problems.Count > 0)
            {
                return Results.Redirect($"/imports/preview/{uploadId}?{OptionsQuery(form, kind)}");
            }
            var report = await imports.ImportAsync(new ImportRequest(kind, upload.FileName, upload.Path, options, ImportsApi.UploadedBy(request)), ct);
            if (report.Status == Data.Entities.BatchStatus.Imported)
            {
                uploads.Delete(uploadId);
            }
            return Results.Redirect($"/imports/{report.BatchId}");
        });

        forms.MapPost("/{batchId:long}/undo", async (long batchId, ImportService imports, CancellationToken ct) =>
        {
            try
            {
                await imports.UndoAsync(batchId, ct);
                return Results.Redirect($"/imports/{batchId}");
            }
            catch (InvalidOperationException ex)
            {
                return Results.Redirect($"/imports/{batchId}?problem={Uri.EscapeDataString(ex.Message)}");
            }
        });

        app.MapGet("/imports/templates/{name}", (string name) =>
        {
            var stream = typeof(ImportFormEndpoints).Assembly.GetManifestResourceStream("samples/" + name);
            return stream is null ? Results.NotFound() : Results.File(stream, "text/csv", name);
        }).ExcludeFromDescription();
        return app;
    }

    private static string OptionsQuery(IFormCollection form, string kind) =>
        string.Join("&", form.Where(f => IsOption(f.Key) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value.ToString())}")
            .Prepend($"kind={Uri.EscapeDataString(kind)}"));
}
