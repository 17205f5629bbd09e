using System.Text;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;

namespace CxBridge.Data.Tests.Imports;

/// <summary>Each broken file gets its own specific error, and imports nothing.</summary>
public sealed class MalformedFileTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();
    private ImportService Service => db.CreateImportService();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private async Task<RowError> SingleErrorOf(string csv, string? options = "survey=nps")
    {
        var report = await Service.ImportAsync(_files.Request(csv, options));
        report.Status.Should().Be(BatchStatus.Rejected, $"the file was:\n{csv}");
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
        return report.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task UnclosedQuote_NamesTheRowWhereItOpens()
    {
        var error = await SingleErrorOf("score,responded_at,comment\n9,2025-03-01,fine\n8,2025-03-01,\"never closed\n7,2025-03-01,lost\n");
        error.Row.Should().Be(3);
        error.Message.Should().StartWith("unclosed quote");
    }

    [Fact]
    public async Task RaggedRow_SaysHowManyFieldsWereExpected()
    {
        var error = await SingleErrorOf("score,responded_at,comment\n9,2025-03-01,fine\n8,2025-03-01\n");
        error.Row.Should().Be(3);
        error.Message.Should().Contain("2 fields").And.Contain("expected 3");
    }

    [Fact]
    public async Task ScoreOutOfScale_NamesValueAndScale()
    {
        var error = await SingleErrorOf("score,responded_at\n9,2025-03-01\n12,2025-03-01\n");
        error.Should().BeEquivalentTo(new { Row = 3L, Column = "score", Value = "12" });
        error.Message.Should().Contain("from 0 to 10");
    }

    [Fact]
    public async Task NonNumericScore_NamesTheValue()
    {
        var error = await SingleErrorOf("score,responded_at\nten,2025-03-01\n");
        error.Should().BeEquivalentTo(new { Row = 2L, Column = "score", Value = "ten" });
        error.Message.Should().StartWith("not a number");
    }

    [Fact]
    public async Task BadDate_SaysWhatFormatsAreRead()
    {
        var error = await SingleErrorOf("score,Responded At\n9,next tuesday\n");
        error.Should().BeEquivalentTo(new { Row = 2L, Column = "Responded At", Value = "next tuesday" });
        error.Message.Should().Contain("ISO 8601");
    }

    [Fact]
    public async Task AmbiguousDate_IsRefusedUnlessDateformatIsGiven()
    {
        var error = await SingleErrorOf("score,responded_at\n9,03/04/2025\n");
        error.Value.Should().Be("03/04/2025");
        error.Message.Should().Contain("could be day 3 of month 4 or month 3 day 4").And.Contain("dateformat");

        var report = await Service.ImportAsync(_files.Request("score,responded_at\n9,03/04/2025\n", "survey=nps&dateformat=dd/MM/yyyy"));
        report.RowsImported.Should().Be(1);
        (await db.CountAsync("SELECT count(*) FROM survey_responses WHERE responded_at = '2025-04-03T00:00:00Z'")).Should().Be(1);
    }

    [Fact]
    public async Task FutureDate_IsRefused()
    {
        var error = await SingleErrorOf("score,responded_at\n9,2999-01-01\n");
        error.Message.Should().StartWith("in the future");
    }

    [Fact]
    public async Task EmptyFile_IsNotACsv()
    {
        var report = await Service.ImportAsync(CsvFiles.RequestFor(_files.WriteBytes([]), "survey=nps"));
        report.NotCsv.Should().BeTrue();
        report.Message.Should().StartWith("the file is empty");
        report.BatchId.Should().NotBeNull("a refused upload is still in the history");
    }

    [Fact]
    public async Task HeaderOnly_SaysThereAreNoDataRows()
    {
        var error = await SingleErrorOf("score,responded_at\n");
        error.Row.Should().Be(2);
        error.Message.Should().StartWith("no data rows");
    }

    [Fact]
    public async Task BinaryFile_IsNotACsv()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0xB7, 0xAC, 0xCE, 0x34];
        var report = await Service.ImportAsync(CsvFiles.RequestFor(_files.WriteBytes(zip, "export.xlsx"), "survey=nps"));
        report.NotCsv.Should().BeTrue();
        report.Message.Should().Contain("not a text file");
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
    }

    [Fact]
    public async Task UnknownSurveyInAColumn_NamesTheValueAndTheKnownOnes()
    {
        var error = await SingleErrorOf("survey,score,responded_at\nnps,9,2025-03-01\nsatisfaction,4,2025-03-01\n", options: null);
        error.Should().BeEquivalentTo(new { Row = 3L, Column = "survey", Value = "satisfaction" });
        error.Message.Should().Contain("nps, csat, ces, enps, psat");
    }

    [Fact]
    public void UnknownSurveyAsOption_IsAProblemOfTheRequest()
    {
        ImportOptions.Parse([new("survey", "loyalty")], out var problems);
        problems.Should().ContainSingle().Which.Should().Contain("survey 'loyalty' is not known");
    }

    [Fact]
    public async Task MissingScoreColumn_ListsTheFilesColumns()
    {
        var error = await SingleErrorOf("rating_text,responded_at\ngood,2025-03-01\n");
        error.Row.Should().Be(1);
        error.Message.Should().Contain("no column for score").And.Contain("'rating_text'");
    }

    [Fact]
    public async Task MissingDateWithoutWaveDate_SaysHowToGiveOne()
    {
        var error = await SingleErrorOf("score\n9\n");
        error.Message.Should().Contain("date=yyyy-MM-dd");
    }

    [Fact]
    public async Task BadFile_CanBeUploadedAgainOnceFixed()
    {
        await SingleErrorOf("response_id,score,responded_at\nx1,11,2025-03-01\n");
        var report = await Service.ImportAsync(_files.Request("response_id,score,responded_at\nx1,10,2025-03-01\n", "survey=nps"));
        report.RowsImported.Should().Be(1);
    }

    [Fact]
    public async Task Latin1File_IsDetectedAndKeepsItsAccents()
    {
        var bytes = Encoding.Latin1.GetBytes("score,responded_at,comment\n9,2025-03-01,très bien à l'accueil\n");
        var report = await Service.ImportAsync(CsvFiles.RequestFor(_files.WriteBytes(bytes), "survey=nps"));
        report.Encoding.Should().Be("windows-1252");
        await using var context = db.CreateDbContext();
        context.SurveyResponses.Single().Comment.Should().Be("très bien à l'accueil");
    }
}
