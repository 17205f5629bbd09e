using CxBridge.Data.Entities;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Department = CxBridge.Data.Entities.Department;

namespace CxBridge.Data.Configurations;

public sealed class DepartmentKpiConfiguration : IEntityTypeConfiguration<DepartmentKpi>
{
    public void Configure(EntityTypeBuilder<DepartmentKpi> builder)
    {
        builder.ToTable("department_kpis");
        builder.HasKey(k => new { k.Department, k.Code });
        builder.Property(k => k.Direction).HasConversion(d => d.Code(), s => CodeConversions.Direction(s));
        builder.HasOne<Department>().WithMany().HasForeignKey(k => k.Department);
    }
}
