using System.Text;
using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data;

/// <summary>
/// The database. The schema itself is owned by the SQL scripts in Migrations/ (docs/decisions/0002);
/// this model maps onto it, and a test round-trips every entity so the two never drift apart.
/// </summary>
public sealed class CxBridgeDbContext(DbContextOptions<CxBridgeDbContext> options) : DbContext(options)
{
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportError> ImportErrors => Set<ImportError>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<KpiValue> KpiValues => Set<KpiValue>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentKpi> DepartmentKpis => Set<DepartmentKpi>();
    public DbSet<DepartmentMetric> DepartmentMetrics => Set<DepartmentMetric>();
    public DbSet<DepartmentPair> DepartmentPairs => Set<DepartmentPair>();
    public DbSet<DepartmentTarget> DepartmentTargets => Set<DepartmentTarget>();
    public DbSet<Event> Events => Set<Event>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxBridgeDbContext).Assembly);

        // Every column is the snake_case of its property (RespondedAt -> responded_at), as in the SQL scripts.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
