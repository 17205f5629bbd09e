using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;

namespace CxBridge.Data.Tests.Imports;

/// <summary>Public files nobody here wrote (tests/data/real), imported as a new user would, checked against their published facts.</summary>
public sealed class RealFileTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GardenNps_Latin1WithNaAndWaveDate_GivesPublishedNps()
    {
        var request = CsvFiles.RequestFor(RepositoryFiles.RealData("garden-nps/nps.csv"), "survey=nps&date=2019-06-01");

        var report = await db.CreateImportService().ImportAsync(request);

        report.Status.Should().Be(BatchStatus.Imported, string.Join("\n", report.Errors.Take(5)));
        report.Encoding.Should().Be("windows-1252");
        report.RowsRead.Should().Be(13_954);
        report.RowsBlank.Should().Be(342);
        report.RowsImported.Should().Be(13_612);
        var series = await db.CreateSurveyQuery().SeriesAsync(Survey.Nps, MetricFilter.Create(new(2019, 6, 1), new(2019, 6, 30)));
        var point = series.Points.Single();
        point.N.Should().Be(13_612);
        point.Value.Should().BeApproximately(53.42, 0.005, "published fact: NPS 53.42 over 13,612 answers (tolerance: 2 decimals)");
        await using var context = db.CreateDbContext();
        context.SurveyResponses.Count(r => r.Comment!.Contains("très peu de caisse ouverte")).Should().Be(1, "accents survive the Latin-1 file");
    }

    [Fact]
    public async Task EventSurvey_MappedWithDateformat_GivesPublishedNpsInNovember2019()
    {
        var options = "map.score=On a scale of 0-10, how would you rate Sudzilla?&map.comment=...why?&map.responded_at=Timestamp&dateformat=M/d/yyyy H:mm:ss&survey=nps";
        var report = await db.CreateImportService().ImportAsync(CsvFiles.RequestFor(RepositoryFiles.RealData("event-survey-040/survey-export.csv"), options));

        report.Status.Should().Be(BatchStatus.Imported, string.Join("\n", report.Errors.Take(5)));
        report.RowsImported.Should().Be(39);
        var series = await db.CreateSurveyQuery().SeriesAsync(Survey.Nps, MetricFilter.Create(new(2019, 1, 1), new(2019, 12, 31)));
        var november = series.Points.Single(p => p.N > 0);
        november.Period.Should().Be(new DateOnly(2019, 11, 1));
        november.N.Should().Be(39);
        november.Detail["promoters"].Should().Be(8);
        november.Detail["detractors"].Should().Be(22);
        Math.Round(november.Value!.Value, 1).Should().Be(-35.9, "published fact: NPS −35.9 (one decimal)");
        await using var context = db.CreateDbContext();
        context.SurveyResponses.Count(r => r.Comment == "Bad service").Should().Be(1);
    }

    [Fact]
    public async Task EventSurvey_WithoutDateformat_IsRefusedAsAmbiguous()
    {
        var options = "map.score=On a scale of 0-10, how would you rate Sudzilla?&map.responded_at=Timestamp&survey=nps";
        var report = await db.CreateImportService().ImportAsync(CsvFiles.RequestFor(RepositoryFiles.RealData("event-survey-040/survey-export.csv"), options));

        report.Status.Should().Be(BatchStatus.Rejected);
        report.Errors.Should().HaveCount(39);
        report.Errors[0].Should().BeEquivalentTo(new { Row = 2L, Column = "Timestamp", Value = "11/1/2019 8:51:12" });
        report.Errors[0].Message.Should().Contain("could be day 11 of month 1 or month 11 day 1");
    }
}
