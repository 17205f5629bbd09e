using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxBridge.Data.Configurations;

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("import_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Options).HasColumnType("jsonb");
        builder.HasMany(b => b.Errors).WithOne().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
