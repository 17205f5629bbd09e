using CxBridge.Data;
using CxBridge.Web.Components.Pages.Imports;
using CxBridge.Web.Components.Pages.Metrics;
using CxBridge.Web.Components.Pages.Overview;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Serilog;

namespace CxBridge.Web;

public static class WebApplicationBuilderExtensions
{
    /// <summary>Everything the app registers: logging, data, uploads, startup work, pages, API documents.</summary>
    public static WebApplicationBuilder AddCxBridge(this WebApplicationBuilder builder)
    {
        // Serilog from the "Serilog" section of appsettings (sinks, levels); request logging is added by UseCxBridge.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        // Serve wwwroot and the scoped-CSS bundle from the build output under `dotnet run` in any environment
        // (a no-op in a published app, whose wwwroot is copied beside it).
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddCxBridgeData(builder.Configuration);
        builder.Services.Configure<UploadSettings>(builder.Configuration.GetSection(UploadSettings.Section));
        builder.Services.Configure<DemoDataSettings>(builder.Configuration.GetSection(DemoDataSettings.Section));
        builder.Services.AddSingleton<UploadStore>();
        // Multipart uploads may be as large as the upload store accepts (the framework's default stops at 128 MB).
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
            form.MultipartBodyLengthLimit = builder.Configuration.GetValue(UploadSettings.Section + ":MaxBytes", new UploadSettings().MaxBytes));
        builder.Services.AddSingleton<FilterQuery>();
        builder.Services.AddSingleton<DisplayFormat>();
        builder.Services.AddScoped<OverviewQuery>();
        builder.Services.AddScoped<MetricExplorerQuery>();
        builder.Services.AddScoped<ImportsQuery>();
        builder.Services.AddScoped<Components.Pages.Departments.DepartmentPanelsQuery>();
        builder.Services.AddScoped<Components.Pages.NorthStar.NorthStarQuery>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<SettingsListener>();

        // One key ring for every instance (docs/architecture.md, scale-out), kept in the database.
        builder.Services.AddSingleton<DatabaseKeyRepository>();
        builder.Services.AddDataProtection().SetApplicationName("CxBridge");
        builder.Services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<DatabaseKeyRepository>((options, repository) => options.XmlRepository = repository);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = "the database is unavailable; retry in a few seconds";
            }
        });
        builder.Services.AddOpenApi();
        builder.Services.AddAntiforgery();
        // A page hands what its prerender read to its circuit ([PersistentState]); the browser sends that state back when
        // the circuit starts, which for a full dashboard is more than SignalR's default 32 KB message.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        builder.Services.AddMudServices();
        return builder;
    }
}
