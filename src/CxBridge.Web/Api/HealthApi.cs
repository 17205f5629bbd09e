using CxBridge.Data.Migrations;

namespace CxBridge.Web.Api;

public static class HealthApi
{
    /// <summary>/healthz: the process answers. /readyz: the database answers and every migration is applied.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).WithTags("Health");
        app.MapGet("/readyz", async (DatabaseMigrator migrator, ILogger<DatabaseMigrator> logger, CancellationToken ct) =>
        {
            try
            {
                return await migrator.IsUpToDateAsync(ct)
                    ? Results.Text("ready")
                    : Results.Problem(statusCode: 503, title: "Not ready", detail: "migrations are not applied yet");
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.LogWarning(ex, "Readiness check: database unreachable");
                return Results.Problem(statusCode: 503, title: "Not ready", detail: "the database is unreachable");
            }
        }).WithTags("Health");
        return app;
    }
}
