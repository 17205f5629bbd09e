using CxBridge.Web.Api;
using CxBridge.Web.Components;
using CxBridge.Web.Components.Pages.Departments;
using CxBridge.Web.Components.Pages.Imports;
using CxBridge.Web.Components.Pages.Metrics;
using CxBridge.Web.Components.Pages.NorthStar;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;

namespace CxBridge.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The request pipeline and every endpoint: error handling (pages for browsers, problem details for the API, 503 when
    /// the database is unreachable), one log line per request, static assets, the JSON API, downloads and the pages.
    /// </summary>
    public static WebApplication MapCxBridge(this WebApplication app)
    {
        // Pages: a failure re-executes the human error page, an empty error status the not-found page. On the app itself,
        // not in a UseWhen branch: re-execution has to route the new path, and a branch has no routes of its own.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = StatusFor,
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The API answers with problem details first (a response with a body is left alone by the page handlers above);
        // its status-code pages wrap its exception handler, so an error it could not write as problem details (a client
        // that accepts only HTML) still gets the API's plain answer, never a page.
        app.UseWhen(IsApi, api =>
        {
            api.UseStatusCodePages();
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        });
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevel);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();

        app.MapHealthApi();
        app.MapImportsApi();
        app.MapMetricsApi();
        app.MapDepartmentsApi();
        app.MapEventsApi();
        app.MapNorthStarApi();
        app.MapSettingsApi();
        app.MapImportTemplates();
        app.MapMetricExports();
        app.MapNorthStarExports();
        app.MapDepartmentExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>JSON API and health endpoints answer with problem details; everything else is for a browser.</summary>
    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz")
        || context.Request.Path.StartsWithSegments("/readyz") || context.Request.Path.StartsWithSegments("/openapi");

    private static int StatusFor(Exception error) =>
        DatabaseErrors.IsUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>Errors as errors; files (scripts, styles, icons) and the circuit's connection at Debug, so the log shows people's requests.</summary>
    private static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMs, Exception? error)
    {
        if (error is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }
        var path = context.Request.Path;
        return path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
            || Path.HasExtension(path.Value) && !path.StartsWithSegments("/api")
            ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }
}
