using CxBridge.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddCxBridge();

var app = builder.Build();
app.MapCxBridge();
app.Run();

/// <summary>The entry point, public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
