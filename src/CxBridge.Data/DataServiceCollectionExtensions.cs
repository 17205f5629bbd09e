using CxBridge.Data.Departments;
using CxBridge.Data.Events;
using CxBridge.Data.Imports;
using CxBridge.Data.Migrations;
using CxBridge.Data.Queries;
using CxBridge.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (connection string "CxBridge"), the migrator, the import service, the metric queries,
    /// the department catalog (seeder, query, editor), department pages and events, with settings from the "CxBridge" section
    /// overlaid with the organisation settings saved in the database (<see cref="SettingsStore"/>).
    /// </summary>
    public static IServiceCollection AddCxBridgeData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("CxBridge")
            ?? throw new InvalidOperationException(
                "No connection string 'CxBridge': set ConnectionStrings__CxBridge, or start the app with scripts/run.sh, which starts a local PostgreSQL.");
        // The configured defaults (IOptionsMonitor<CxBridgeSettings>), checked when the host starts...
        services.Configure<CxBridgeSettings>(configuration.GetSection(CxBridgeSettings.Section));
        services.AddSingleton<IValidateOptions<CxBridgeSettings>, CxBridgeSettingsValidation>();
        services.AddOptions<CxBridgeSettings>().ValidateOnStart();
        // ...and IOptions<CxBridgeSettings>, what every reader gets: the settings in force, defaults overlaid with what an
        // admin saved, kept in memory and reloaded when any instance saves (SettingsStore).
        services.AddSingleton(sp => new SettingsStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptionsMonitor<CxBridgeSettings>>().CurrentValue,
            sp.GetRequiredService<ILogger<SettingsStore>>()));
        services.AddSingleton<IOptions<CxBridgeSettings>>(sp => sp.GetRequiredService<SettingsStore>());
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Dashboard queries are short: JIT compilation cost 170–240 ms per metric query and saved nothing
            // (bench/CxBridge.Benchmarks --explain). A connection string that sets Options keeps its own.
            builder.ConnectionStringBuilder.Options ??= "-c jit=off";
            return builder.Build();
        });
        // A factory for Blazor components (a circuit lives long and must not share one context across concurrent work);
        // it also registers the context itself as scoped, for the API's endpoints.
        services.AddDbContextFactory<CxBridgeDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DataChanges>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<SurveyMetricQuery>();
        services.AddSingleton<OperationalMetricQuery>();
        services.AddSingleton<MetricQuery>();
        services.AddSingleton<HeadlineQuery>();
        services.AddSingleton<ExplorerQuery>();
        services.AddSingleton<DimensionValuesQuery>();
        services.AddSingleton<CommentsQuery>();
        services.AddSingleton<RevenueAtRiskQuery>();
        services.AddSingleton<DepartmentCatalogSeeder>();
        services.AddScoped<DepartmentCatalogQuery>();
        services.AddScoped<DepartmentQuery>();
        services.AddScoped<DepartmentCatalogEditor>();
        services.AddScoped<EventQuery>();
        services.AddSingleton<EventEditor>();
        return services;
    }
}
