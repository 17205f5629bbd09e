using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxBridge.Data.Configurations;

public sealed class KpiValueConfiguration : IEntityTypeConfiguration<KpiValue>
{
    public void Configure(EntityTypeBuilder<KpiValue> builder)
    {
        builder.ToTable("kpi_values");
        builder.HasKey(k => new { k.Department, k.Kpi, k.Period });
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(k => k.BatchId);
    }
}
