using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxBridge.Data.Configurations;

public sealed class DepartmentMetricConfiguration : IEntityTypeConfiguration<DepartmentMetric>
{
    public void Configure(EntityTypeBuilder<DepartmentMetric> builder)
    {
        builder.ToTable("department_metrics");
        builder.HasKey(m => new { m.Department, m.Metric });
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.Department);
    }
}
