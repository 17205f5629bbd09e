using CxBridge.Data.Departments;
using CxBridge.Data.Events;
using CxBridge.Data.Imports;
using CxBridge.Data.Migrations;
using CxBridge.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (connection string "CxBridge"), the migrator, the import service, the metric queries,
    /// the department catalog (seeder, query, editor), department pages and events, with settings from the "CxBridge" section.
    /// </summary>
    public static IServiceCollection AddCxBridgeData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("CxBridge")
            ?? throw new InvalidOperationException(
                "No connection string 'CxBridge': set ConnectionStrings__CxBridge, or start the app with scripts/run.sh, which starts a local PostgreSQL.");
        services.Configure<CxBridgeSettings>(configuration.GetSection(CxBridgeSettings.Section));
        // Settings that name something (the North Star) are checked when the host starts.
        services.AddSingleton<IValidateOptions<CxBridgeSettings>, CxBridgeSettingsValidation>();
        services.AddOptions<CxBridgeSettings>().ValidateOnStart();
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
