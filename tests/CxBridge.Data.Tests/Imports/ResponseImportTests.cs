using System.Text;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;

namespace CxBridge.Data.Tests.Imports;

public sealed class ResponseImportTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();
    private ImportService Service => db.CreateImportService();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private const string Header = "response_id,survey,score,responded_at,comment,channel";

    [Fact]
    public async Task Import_ValidFile_StoresEveryRowWithItsValues()
    {
        var report = await Service.ImportAsync(_files.Request($"""
            {Header}
            r1,nps,10,2025-03-01T10:00:00Z,"Fast, friendly ""and"" kind",chat
            r2,nps,6,2025-03-02 09:30:00,"two
            lines",phone
            r3,csat,4,2025-03-03,,web
            """));

        report.Status.Should().Be(BatchStatus.Imported);
        report.RowsRead.Should().Be(3);
        report.RowsImported.Should().Be(3);
        report.Errors.Should().BeEmpty();
        await using var context = db.CreateDbContext();
        var rows = context.SurveyResponses.OrderBy(r => r.ResponseId).ToList();
        rows.Select(r => r.Comment).Should().Equal("Fast, friendly \"and\" kind", "two\nlines", null);
        rows[1].RespondedAt.Should().Be(new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero));
        rows[2].Survey.Should().Be("csat");
        rows[2].ScaleMin.Should().Be(1);
        rows[2].ScaleMax.Should().Be(5);
        rows.Should().OnlyContain(r => r.BatchId == report.BatchId);
    }

    [Fact]
    public async Task Import_StrictWithOneBadRow_ImportsNothingAndNamesRowColumnValue()
    {
        var report = await Service.ImportAsync(_files.Request($"""
            {Header}
            r1,nps,10,2025-03-01,,chat
            r2,nps,11,2025-03-01,,chat
            r3,nps,abc,2025-03-01,,chat
            """));

        report.Status.Should().Be(BatchStatus.Rejected);
        report.RowsImported.Should().Be(0);
        report.RowsRejected.Should().Be(2);
        report.Errors.Should().HaveCount(2);
        report.Errors[0].Should().BeEquivalentTo(new { Row = 3L, Column = "score", Value = "11" });
        report.Errors[0].Message.Should().Contain("outside the scale").And.Contain("0 to 10");
        report.Errors[1].Should().BeEquivalentTo(new { Row = 4L, Column = "score", Value = "abc" });
        report.Errors[1].Message.Should().Contain("not a number");
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
        (await db.CountAsync($"SELECT count(*) FROM import_errors WHERE batch_id = {report.BatchId}")).Should().Be(2);
        (await db.CountAsync($"SELECT count(*) FROM import_batches WHERE status = 'rejected'")).Should().Be(1);
        (await db.CountAsync($"SELECT rows_rejected * 1000 + duplicates_skipped * 100 + rows_imported FROM import_batches WHERE id = {report.BatchId}"))
            .Should().Be(2000, "the history shows 2 rejected, no duplicates and nothing imported");
    }

    [Fact]
    public async Task Import_SkipInvalid_ImportsGoodRowsAndReportsTheRest()
    {
        var report = await Service.ImportAsync(_files.Request($"""
            {Header}
            r1,nps,10,2025-03-01,,chat
            r2,nps,11,2025-03-01,,chat
            r3,nps,7,2025-03-01,,chat
            """, "mode=skip-invalid"));

        report.Status.Should().Be(BatchStatus.Imported);
        report.RowsImported.Should().Be(2);
        report.RowsRejected.Should().Be(1);
        report.Errors.Should().ContainSingle().Which.Row.Should().Be(3);
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(2);
    }

    [Fact]
    public async Task Import_SameFileTwice_SkipsDuplicatesByResponseId()
    {
        var path = _files.Write($"""
            {Header}
            r1,nps,10,2025-03-01,,chat
            r2,nps,3,2025-03-01,,chat
            ,nps,8,2025-03-01,,chat
            """);
        await Service.ImportAsync(CsvFiles.RequestFor(path));
        var second = await Service.ImportAsync(CsvFiles.RequestFor(path));

        second.RowsImported.Should().Be(1, "the row without a response_id cannot be recognised as seen");
        second.DuplicatesSkipped.Should().Be(2);
        (await db.CountAsync("SELECT count(*) FROM survey_responses WHERE response_id IS NOT NULL")).Should().Be(2);
    }

    [Fact]
    public async Task Undo_OneOfTwoBatches_RemovesExactlyItsRows()
    {
        var first = await Service.ImportAsync(_files.Request($"{Header}\na1,nps,10,2025-03-01,,chat\na2,nps,9,2025-03-01,,chat\n"));
        var second = await Service.ImportAsync(_files.Request($"{Header}\nb1,nps,1,2025-03-01,,chat\n"));

        var deleted = await Service.UndoAsync(first.BatchId!.Value);

        deleted.Should().Be(2);
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(1);
        (await db.CountAsync($"SELECT count(*) FROM survey_responses WHERE batch_id = {second.BatchId}")).Should().Be(1);
        (await db.CountAsync($"SELECT count(*) FROM import_batches WHERE id = {first.BatchId} AND status = 'undone'")).Should().Be(1);
        var again = await Service.ImportAsync(_files.Request($"{Header}\na1,nps,10,2025-03-01,,chat\na2,nps,9,2025-03-01,,chat\n"));
        again.RowsImported.Should().Be(2, "an undone file can simply be uploaded again");
    }

    [Fact]
    public async Task Import_CrashAfterHalfTheRows_LeavesNoRowsBehind()
    {
        var rows = ImportService.ProgressEvery * 4;
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            csv.Append($"id{i},nps,{i % 11},2025-03-01T10:00:00Z,,chat\n");
        }
        var request = _files.Request(csv.ToString()) with { Progress = new ThrowAt(rows / 2) };

        var act = () => Service.ImportAsync(request);

        await act.Should().ThrowAsync<IOException>();
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
        (await db.CountAsync("SELECT count(*) FROM import_batches WHERE status = 'imported'")).Should().Be(0);
        (await db.CountAsync("SELECT count(*) FROM import_batches WHERE status = 'failed'")).Should().Be(1);
        var retry = await Service.ImportAsync(request with { Progress = null });
        retry.RowsImported.Should().Be(rows);
    }

    private sealed class ThrowAt(long at) : IProgress<long>
    {
        public void Report(long value)
        {
            if (value >= at)
            {
                throw new IOException($"simulated crash after {value} rows");
            }
        }
    }

    [Fact]
    public async Task Import_200kRows_AllArrive()
    {
        const int rows = 200_000;
        var csv = new StringBuilder("response_id,survey,score,responded_at,channel,region\n", rows * 50);
        for (var i = 0; i < rows; i++)
        {
            csv.Append("r").Append(i).Append(",nps,").Append(i % 11).Append(",2025-0").Append(1 + i % 9).Append("-15T12:00:00Z,chat,north\n");
        }

        var report = await Service.ImportAsync(_files.Request(csv.ToString()));

        report.RowsImported.Should().Be(rows);
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(rows);
        (await db.CountAsync("SELECT count(*) FROM survey_responses WHERE score = 10")).Should().Be(rows / 11);
    }

    [Fact]
    public async Task Import_BlankScores_AreCountedNotImportedNotErrors()
    {
        var report = await Service.ImportAsync(_files.Request($"{Header}\nr1,nps,NA,2025-03-01,,\nr2,nps,,2025-03-01,,\nr3,nps,N/A,2025-03-01,,\nr4,nps,9,2025-03-01,,\n"));

        report.Status.Should().Be(BatchStatus.Imported);
        report.RowsBlank.Should().Be(3);
        report.RowsImported.Should().Be(1);
        report.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public async Task Import_OtherSeparators_AreDetected(char separator)
    {
        var report = await Service.ImportAsync(_files.Request(
            $"score{separator}responded_at{separator}comment\n9{separator}2025-03-01{separator}\"a, b{separator} c\"\n", "survey=nps"));

        report.RowsImported.Should().Be(1);
        report.Separator.Should().Be(separator);
        await using var context = db.CreateDbContext();
        context.SurveyResponses.Single().Comment.Should().Be($"a, b{separator} c");
    }

    [Fact]
    public async Task Import_HeadersInOtherWordsAndCases_AreMatched()
    {
        var report = await Service.ImportAsync(_files.Request("Rating,Submitted At,Feedback,Customer ID\n9,2025-03-01,great,C1\n", "survey=nps"));

        report.RowsImported.Should().Be(1);
        await using var context = db.CreateDbContext();
        var row = context.SurveyResponses.Single();
        (row.Score, row.Comment, row.CustomerId).Should().Be((9d, "great", "C1"));
    }

    [Fact]
    public async Task Import_ExplicitMapping_WinsOverSynonyms()
    {
        var report = await Service.ImportAsync(_files.Request("score,How likely are you to recommend us?,date\n1,10,2025-03-01\n",
            "survey=nps&map.score=How likely are you to recommend us?"));

        report.RowsImported.Should().Be(1);
        await using var context = db.CreateDbContext();
        context.SurveyResponses.Single().Score.Should().Be(10);
    }

    [Fact]
    public async Task Import_NoOffsetTimes_AreReadInTheOrganisationsTimeZone()
    {
        var service = db.CreateImportService(new CxBridgeSettings { TimeZone = "Europe/Paris" });
        await service.ImportAsync(_files.Request("score,responded_at\n9,2025-03-01 00:30:00\n8,2025-07-01\n7,2025-03-01T00:30:00+00:00\n", "survey=nps"));

        await using var context = db.CreateDbContext();
        context.SurveyResponses.OrderBy(r => r.Id).Select(r => r.RespondedAt).ToList().Should().Equal(
            new DateTimeOffset(2025, 2, 28, 23, 30, 0, TimeSpan.Zero),   // CET = UTC+1
            new DateTimeOffset(2025, 6, 30, 22, 0, 0, TimeSpan.Zero),    // CEST = UTC+2
            new DateTimeOffset(2025, 3, 1, 0, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Import_NoScaleGiven_ReadsCsatPsatAndCesOnTheOrganisationsScales()
    {
        var service = db.CreateImportService(new CxBridgeSettings { CsatScale = "1-10", CesScale = "1-5" });

        var report = await service.ImportAsync(_files.Request(
            "survey,score,responded_at\ncsat,9,2025-03-01\npsat,10,2025-03-01\nces,5,2025-03-01\nnps,10,2025-03-01\ncsat,11,2025-03-01\n", "mode=skip-invalid"));

        report.RowsImported.Should().Be(4);
        report.Errors.Single().Message.Should().Be("outside the scale: expected a whole number from 1 to 10 (csat scale 1-10; give scale= at upload for another scale)");
        await using var context = db.CreateDbContext();
        context.SurveyResponses.OrderBy(r => r.Id).Select(r => new { r.Survey, r.ScaleMin, r.ScaleMax, r.Value }).ToList().Should().Equal(
            new { Survey = "csat", ScaleMin = (short)1, ScaleMax = (short)10, Value = 9.0 },
            new { Survey = "psat", ScaleMin = (short)1, ScaleMax = (short)10, Value = 10.0 },
            new { Survey = "ces", ScaleMin = (short)1, ScaleMax = (short)5, Value = 7.0 },   // 5 on 1-5 is 7 on 1-7
            new { Survey = "nps", ScaleMin = (short)0, ScaleMax = (short)10, Value = 10.0 });
    }

    [Fact]
    public async Task Import_CesWithEffortPolarityAndOtherScale_StoresRescaledValue()
    {
        await Service.ImportAsync(_files.Request("score,responded_at\n1,2025-03-01\n5,2025-03-01\n", "survey=ces&scale=1-5&polarity=effort"));

        await using var context = db.CreateDbContext();
        context.SurveyResponses.OrderBy(r => r.Id).Select(r => r.Value).ToList().Should().Equal(7, 1);
    }

    [Fact]
    public async Task Import_WaveDate_AppliesToEveryRow()
    {
        var report = await Service.ImportAsync(_files.Request("id,nps\n1,9\n2,3\n", "survey=nps&date=2025-05-01"));

        report.RowsImported.Should().Be(2);
        (await db.CountAsync("SELECT count(*) FROM survey_responses WHERE responded_at = '2025-05-01T00:00:00Z'")).Should().Be(2);
    }
}
