using CxBridge.Data.Entities;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Department = CxBridge.Data.Entities.Department;

namespace CxBridge.Data.Configurations;

/// <summary>The table's metric_code and kpi_code are generated columns for its foreign keys; the model does not need them.</summary>
public sealed class DepartmentTargetConfiguration : IEntityTypeConfiguration<DepartmentTarget>
{
    public void Configure(EntityTypeBuilder<DepartmentTarget> builder)
    {
        builder.ToTable("department_targets");
        builder.HasKey(t => new { t.Department, t.SubjectKind, t.SubjectCode });
        builder.Property(t => t.SubjectKind).HasConversion(k => k.Code(), s => CodeConversions.SeriesKind(s));
        builder.Ignore(t => t.Subject);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.Department);
    }
}
