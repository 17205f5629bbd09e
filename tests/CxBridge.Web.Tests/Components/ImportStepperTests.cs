using Bunit;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Web.Components.Pages.Imports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// The import stepper shows the state it is given, one step at a time, and tells the page what the reader does.
/// </summary>
public sealed class ImportStepperTests : ComponentTest
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private readonly List<string> _kinds = [];
    private readonly List<(string Key, string? Value)> _options = [];
    private readonly List<ImportStep> _backs = [];
    private int _imports;
    private int _startOvers;

    public ImportStepperTests() => _popovers = Render<MudPopoverProvider>();

    /// <summary>Counts that all differ, so a count shown under another's label is caught.</summary>
    private static ImportReport Report(string status = BatchStatus.Imported, int imported = 5, int updated = 3) => new()
    {
        Kind = "responses", Status = status, RowsRead = 12, RowsImported = imported, RowsUpdated = updated, DuplicatesSkipped = 2,
        RowsRejected = 1, RowsBlank = 1, Encoding = "utf-8", Separator = ';',
    };

    private static ImportPreview Preview(ImportReport? report = null, params EarlierImport[] sameFile) => new()
    {
        Report = report ?? Report(),
        Headers = ["Rating", "Feedback", "when"],
        Mapping = new Dictionary<string, string> { ["score"] = "Rating", ["responded_at"] = "when" },
        UnusedHeaders = ["Feedback"],
        SameFileImports = sameFile,
        Rows = [[new("score", "9"), new("responded_at", "2025-03-01 00:00:00Z")], [new("score", "3"), new("responded_at", "2025-03-02 00:00:00Z")]],
    };

    private IRenderedComponent<ImportStepper> RenderStep(ImportStep step, Action<ComponentParameterCollectionBuilder<ImportStepper>>? more = null) =>
        Render<ImportStepper>(p =>
        {
            p.Add(x => x.Step, step).Add(x => x.FileName, "wave.csv")
                .Add(x => x.OnKindChosen, EventCallback.Factory.Create<string>(this, k => _kinds.Add(k)))
                .Add(x => x.OnOptionChanged, EventCallback.Factory.Create<(string, string?)>(this, o => _options.Add(o)))
                .Add(x => x.OnImport, EventCallback.Factory.Create(this, () => _imports++))
                .Add(x => x.OnGoBack, EventCallback.Factory.Create<ImportStep>(this, s => _backs.Add(s)))
                .Add(x => x.OnStartOver, EventCallback.Factory.Create(this, () => _startOvers++));
            more?.Invoke(p);
        });

    private static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Opens the select whose combobox carries <paramref name="selector"/> and clicks the option with this text.</summary>
    private void Choose(IRenderedComponent<ImportStepper> stepper, string selector, string option)
    {
        var found = stepper.Find(selector);
        (found.QuerySelector(".mud-input-control") ?? found.Closest(".mud-input-control"))!.MouseDown();
        _popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == option).Click();
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ImportStepper> stepper, string text) =>
        stepper.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void ImportStepper_KindStep_ListsEveryKindWithTheChosenOneChecked()
    {
        var stepper = RenderStep(ImportStep.Kind, p => p.Add(x => x.Kind, "tickets"));

        stepper.Find(".import-stepper").GetAttribute("data-step").Should().Be("Kind");
        stepper.FindAll("[data-kind]").Select(k => k.GetAttribute("data-kind")).Should().Equal("responses", "customers", "orders", "tickets", "kpis", "events");
        stepper.FindAll("input[data-kind][checked]").Should().ContainSingle().Which.GetAttribute("data-kind").Should().Be("tickets");
        stepper.FindAll("[data-upload]").Should().BeEmpty("only the active step's content is shown");
    }

    [Fact]
    public void ImportStepper_ChoosingAKindThenNext_TellsThePageOnlyOnNext()
    {
        var stepper = RenderStep(ImportStep.Kind);

        stepper.Find("input[data-kind=orders]").Click();
        _kinds.Should().BeEmpty("choosing a kind only selects it");
        stepper.Find("[data-next]").Click();

        _kinds.Should().Equal("orders");
    }

    [Fact]
    public void ImportStepper_Next_TellsThePageTheKindInForce()
    {
        var stepper = RenderStep(ImportStep.Kind, p => p.Add(x => x.Kind, "kpis"));

        stepper.Find("[data-next]").Click();

        _kinds.Should().Equal("kpis");
    }

    [Fact]
    public void ImportStepper_UploadStep_ShowsTheKindAndTheOptionsForIt()
    {
        var stepper = RenderStep(ImportStep.Upload, p => p.Add(x => x.Kind, "responses"));

        stepper.Find(".import-stepper").GetAttribute("data-step").Should().Be("Upload");
        stepper.Find(".import-step strong").TextContent.Should().Be("responses");
        stepper.FindAll("[data-option]").Select(o => o.GetAttribute("data-option"))
            .Should().Equal("survey", "scale", "date", "polarity", "dateformat", "encoding", "mode");
        stepper.FindAll("[data-upload-progress]").Should().BeEmpty("nothing is uploading");
    }

    [Fact]
    public void ImportStepper_UploadStepForTickets_HasNoSurveyOptions()
    {
        var stepper = RenderStep(ImportStep.Upload, p => p.Add(x => x.Kind, "tickets"));

        stepper.FindAll("[data-option]").Select(o => o.GetAttribute("data-option")).Should().Equal("dateformat", "encoding", "mode");
    }

    [Fact]
    public void ImportStepper_Uploading_ShowsProgressAndDisablesTheChooser()
    {
        var stepper = RenderStep(ImportStep.Upload, p => p.Add(x => x.Uploading, new UploadProgress("wave.csv", 1536, 6144)));

        var progress = stepper.Find("[data-upload-progress]");
        Text(progress).Should().Be("Uploading wave.csv: 1,536 of 6,144 bytes");
        progress.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").Should().Be("25");
        Button(stepper, "Choose a CSV file").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public void ImportStepper_UploadStepBack_GoesBackToTheKind()
    {
        var stepper = RenderStep(ImportStep.Upload);

        Button(stepper, "Back").Click();

        _backs.Should().Equal(ImportStep.Kind);
    }

    [Fact]
    public void ImportStepper_PreviewStep_ShowsWhatAnImportWouldDo()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        stepper.Find(".import-stepper").GetAttribute("data-step").Should().Be("Preview");
        var counts = new[] { "rows-read", "rows-imported", "rows-updated", "duplicates", "rows-rejected", "rows-blank" }
            .Select(c => stepper.Find($"[data-{c}]").TextContent);
        counts.Should().Equal("12", "5", "3", "2", "1", "1");
        stepper.FindAll("#summary dt").Select(d => d.TextContent)
            .Should().Equal("Rows read", "Would be imported", "Would update", "Duplicates skipped", "With errors", "Blank (unanswered)");
        Text(stepper.Find(".import-step p")).Should().Be("wave.csv · encoding utf-8 · separator semicolon · nothing has been imported yet");
        stepper.FindAll("#preview-rows tbody tr").Should().HaveCount(2);
        stepper.FindAll("[data-same-file]").Should().BeEmpty();
    }

    [Fact]
    public void ImportStepper_PreviewOfAFileImportedBefore_WarnsWithTheEarlierBatch()
    {
        var earlier = new EarlierImport(7, "march-wave.csv", new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero), 40);

        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview(sameFile: earlier)));

        var warning = stepper.Find("[data-same-file]");
        Text(warning).Should().Be("This exact file (same checksum) was already imported as import #7 (march-wave.csv, 3/1/2025 9:30 AM, 40 rows). "
            + "Importing it again would add 5 rows and update 3.");
        warning.QuerySelector("a")!.GetAttribute("href").Should().Be("/imports/7");
    }

    [Fact]
    public void ImportStepper_PreviewWithRowsToImport_OffersTheImportOfThemAll()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        Text(stepper.Find("[data-import]")).Should().Be("Import 8 rows");
        stepper.Find("[data-import]").Click();

        _imports.Should().Be(1);
    }

    [Fact]
    public void ImportStepper_PreviewWithOnlyDuplicates_OffersNoImport()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview(Report(imported: 0, updated: 0))));

        stepper.FindAll("[data-import]").Should().BeEmpty();
    }

    [Fact]
    public void ImportStepper_PreviewWithOnlyUpdates_OffersTheImport()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview(Report(imported: 0, updated: 3))));

        Text(stepper.Find("[data-import]")).Should().Be("Import 3 rows");
    }

    [Fact]
    public void ImportStepper_RejectedPreview_OffersNoImportButSaysWhatToDo()
    {
        var rejected = Report(BatchStatus.Rejected, imported: 0, updated: 0) with
        {
            Message = "1 of 12 rows have errors; nothing was imported (mode strict).",
            Errors = [new RowError(3, "Rating", "15", "out of range: expected a whole number from 0 to 10")],
        };

        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview(rejected)));

        stepper.FindAll("[data-import]").Should().BeEmpty();
        stepper.Find("[data-preview-message]").TextContent.Trim().Should().Be("1 of 12 rows have errors; nothing was imported (mode strict).");
        stepper.Find("#summary").TextContent.Should().Contain("choose mode “skip invalid rows” to import the valid rows");
        stepper.FindAll("[data-errors] tbody td").Select(td => td.TextContent).Should().Equal("3", "Rating", "15", "out of range: expected a whole number from 0 to 10");
    }

    [Fact]
    public void ImportStepper_PreviewMapping_ShowsTheMatchedHeaders()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        stepper.Find("[data-map=score] input").GetAttribute("value").Should().Be("Rating");
        stepper.Find("[data-map=responded_at] input").GetAttribute("value").Should().Be("when");
        stepper.Find("[data-map=comment] input").GetAttribute("value").Should().BeEmpty("no column is mapped to comment");
        stepper.Find("#mapping").NextElementSibling!.TextContent.Trim().Should().Be("Not used: Feedback");
    }

    [Fact]
    public void ImportStepper_MappingAColumn_TellsThePageTheMapOption()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        Choose(stepper, "[data-map=comment]", "Feedback");

        _options.Should().Equal(("map.comment", "Feedback"));
    }

    [Fact]
    public void ImportStepper_UnmappingAColumn_TellsThePageToDropTheMapOption()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        Choose(stepper, "[data-map=score]", "(none)");

        _options.Should().Equal(("map.score", (string?)null));
    }

    [Fact]
    public void ImportStepper_ChangingTheMode_TellsThePageAndStrictIsTheDefault()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        Choose(stepper, "[data-option=mode]", "Skip invalid rows");

        _options.Should().Equal(("mode", "skip-invalid"));
    }

    [Fact]
    public void ImportStepper_ModeBackToStrict_ClearsTheOption()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview())
            .Add(x => x.Options, new Dictionary<string, string> { ["mode"] = "skip-invalid" }));

        Choose(stepper, "[data-option=mode]", "Strict: any bad row, nothing imported");

        _options.Should().Equal(("mode", (string?)null));
    }

    [Fact]
    public void ImportStepper_UploadAnotherFile_GoesBackToTheUpload()
    {
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        Button(stepper, "Upload another file").Click();

        _backs.Should().Equal(ImportStep.Upload);
    }

    [Fact]
    public void ImportStepper_StepHeaderClicked_ChangesNothing()
    {
        // The header only shows where the reader is (MudStepper reports its own start-up index as a click, which would
        // send the page back); the page's buttons move between steps.
        var stepper = RenderStep(ImportStep.Preview, p => p.Add(x => x.Preview, Preview()));

        stepper.FindAll("button[role=tab]").Single(t => t.TextContent.Contains("Kind of file")).Click();
        stepper.FindAll("button[role=tab]").Single(t => t.TextContent.Contains("Report")).Click();

        _backs.Should().BeEmpty();
        _kinds.Should().BeEmpty();
        stepper.Find("[data-step-content]").GetAttribute("data-step-content").Should().Be("Preview");
    }

    [Fact]
    public void ImportStepper_PreviewNotReadYet_ShowsThatTheFileIsBeingRead()
    {
        var stepper = RenderStep(ImportStep.Preview);

        Text(stepper.Find(".import-step")).Should().Be("Reading wave.csv as an import would, without keeping anything…");
        stepper.FindAll("#summary").Should().BeEmpty();
    }

    [Fact]
    public void ImportStepper_Importing_ShowsTheRowsReadSoFar()
    {
        var stepper = RenderStep(ImportStep.Importing, p => p.Add(x => x.Preview, Preview()).Add(x => x.ImportedRows, 6L));

        stepper.Find("[data-import-progress]").TextContent.Should().Be("6 rows read");
        stepper.Find("[role=progressbar]").GetAttribute("aria-valuenow").Should().Be("50");
    }

    [Fact]
    public void ImportStepper_ReportStep_ShowsTheBatchCounts()
    {
        var batch = new ImportBatch
        {
            Id = 42, Kind = "responses", FileName = "wave.csv", Checksum = "ab", Encoding = "utf-8", UploadedBy = "web", Status = BatchStatus.Imported,
            Mode = "strict", RowsRead = 1234, RowsImported = 1000, RowsUpdated = 0, DuplicatesSkipped = 200, RowsRejected = 0, RowsBlank = 34,
        };

        var stepper = RenderStep(ImportStep.Report, p => p.Add(x => x.Batch, batch));

        stepper.Find("[data-report-status]").GetAttribute("data-report-status").Should().Be("imported");
        Text(stepper.Find("[data-report-status]")).Should().Be("Import #42 (wave.csv): imported.");
        new[] { "rowsRead", "rowsImported", "rowsUpdated", "duplicatesSkipped", "rowsRejected", "rowsBlank" }
            .Select(f => stepper.Find($"#report [data-field={f}]").TextContent)
            .Should().Equal("1,234", "1,000", "0", "200", "0", "34");
        stepper.FindAll("a").Single(a => a.TextContent.Trim() == "Open the batch report").GetAttribute("href").Should().Be("/imports/42");

        stepper.Find("[data-start-over]").Click();
        _startOvers.Should().Be(1);
    }
}
