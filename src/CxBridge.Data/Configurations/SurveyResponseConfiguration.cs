using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxBridge.Data.Configurations;

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses");
        builder.HasKey(r => r.Id);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.BatchId);
        builder.HasIndex(r => new { r.Survey, r.ResponseId }).IsUnique().HasFilter("response_id IS NOT NULL");
        builder.HasIndex(r => new { r.Survey, r.RespondedAt });
    }
}
