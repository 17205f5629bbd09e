namespace CxBridge.Web.Components.Pages.Imports;

/// <summary>GET /imports/templates/{name}: the sample CSVs (samples/ in the repository, embedded) as download templates.</summary>
public static class ImportTemplateEndpoints
{
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/imports/templates/{name}", (string name) =>
        {
            var stream = typeof(ImportTemplateEndpoints).Assembly.GetManifestResourceStream("samples/" + name);
            return stream is null ? Results.NotFound() : Results.File(stream, "text/csv", name);
        }).ExcludeFromDescription();
        return app;
    }
}
