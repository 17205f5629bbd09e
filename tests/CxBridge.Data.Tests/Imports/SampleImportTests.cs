using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;

namespace CxBridge.Data.Tests.Imports;

/// <summary>Every file of samples/ (offered as a template on the upload page) goes through its import without an error.</summary>
public sealed class SampleImportTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await db.ClearCatalogAsync();
        await db.CreateSeeder().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "samples"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_ImportedAsItsKind_EveryRowGoesIn(string file)
    {
        var kind = file.StartsWith("responses-", StringComparison.Ordinal) ? "responses" : Path.GetFileNameWithoutExtension(file);

        var report = await db.CreateImportService().ImportAsync(CsvFiles.RequestFor(Path.Combine(RepositoryFiles.Root, "samples", file), kind: kind));

        report.Errors.Should().BeEmpty(file);
        report.Status.Should().Be(BatchStatus.Imported);
        report.RowsRejected.Should().Be(0, file);
        report.RowsImported.Should().BePositive(file);
    }
}
