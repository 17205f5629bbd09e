using CxBridge.Web;
using CxBridge.Web.Api;
using CxBridge.Web.Components;
using CxBridge.Web.Components.Pages.Imports;
using CxBridge.Web.Components.Pages.Metrics;

var builder = WebApplication.CreateBuilder(args);
builder.AddCxBridge();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();

app.MapHealthApi();
app.MapImportsApi();
app.MapMetricsApi();
app.MapDepartmentsApi();
app.MapEventsApi();
app.MapImportForms();
app.MapMetricExports();
app.MapRazorComponents<App>();

app.Run();

/// <summary>The entry point, public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
