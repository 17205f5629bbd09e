using CxBridge.Data.Entities;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Department = CxBridge.Data.Entities.Department;

namespace CxBridge.Data.Configurations;

public sealed class DepartmentPairConfiguration : IEntityTypeConfiguration<DepartmentPair>
{
    public void Configure(EntityTypeBuilder<DepartmentPair> builder)
    {
        builder.ToTable("department_pairs");
        builder.HasKey(p => new { p.Department, p.Position });
        builder.Property(p => p.Position).ValueGeneratedNever();
        builder.Property(p => p.DriverKind).HasConversion(k => k.Code(), s => CodeConversions.SeriesKind(s));
        builder.Property(p => p.OutcomeKind).HasConversion(k => k.Code(), s => CodeConversions.SeriesKind(s));
        builder.Ignore(p => p.Driver);
        builder.Ignore(p => p.Outcome);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.Department);
    }
}
