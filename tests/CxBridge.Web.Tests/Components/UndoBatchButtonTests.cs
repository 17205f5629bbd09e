using Bunit;
using CxBridge.Web.Components.Pages.Imports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>Undo asks first: a dialog names the batch and the rows it removes; only a confirmed undo reaches the page.</summary>
public sealed class UndoBatchButtonTests : ComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;
    private int _confirmed;

    public UndoBatchButtonTests() => _dialogs = Render<MudDialogProvider>();

    private IRenderedComponent<UndoBatchButton> RenderButton(int rows = 1234, bool busy = false) =>
        Render<UndoBatchButton>(p => p.Add(x => x.BatchId, 42).Add(x => x.FileName, "march-wave.csv").Add(x => x.Rows, rows).Add(x => x.Busy, busy)
            .Add(x => x.OnConfirmed, EventCallback.Factory.Create(this, () => _confirmed++)));

    private static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void UndoBatchButton_Click_OpensADialogNamingTheBatchAndTheRows()
    {
        var button = RenderButton();
        _dialogs.FindAll("[role=dialog]").Should().BeEmpty();

        button.Find("button[data-undo]").Click();

        var dialog = _dialogs.Find("[role=dialog]");
        dialog.QuerySelector("h2")!.TextContent.Should().Be("Undo import #42?");
        Text(dialog.QuerySelector("[data-confirm-dialog]")!).Should().Be(
            "This removes the 1,234 rows that import #42 (march-wave.csv) added. The batch stays in the history, marked undone, and the file can be imported again.");
        dialog.QuerySelector("button[data-confirm]")!.TextContent.Trim().Should().Be("Undo import");
        _confirmed.Should().Be(0, "opening the dialog undoes nothing");
    }

    [Fact]
    public void UndoBatchButton_OneRow_IsWordedInTheSingular()
    {
        RenderButton(rows: 1).Find("button[data-undo]").Click();

        _dialogs.Find("[data-confirm-dialog]").TextContent.Should().Contain("This removes the 1 row that import #42");
    }

    [Fact]
    public void UndoBatchButton_Confirm_RaisesOnConfirmedOnceAndClosesTheDialog()
    {
        RenderButton().Find("button[data-undo]").Click();

        _dialogs.Find("button[data-confirm]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        _confirmed.Should().Be(1);
    }

    [Fact]
    public void UndoBatchButton_Cancel_DoesNotRaiseOnConfirmed()
    {
        RenderButton().Find("button[data-undo]").Click();

        _dialogs.Find("button[data-cancel]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        _confirmed.Should().Be(0);
    }

    [Fact]
    public void UndoBatchButton_CancelThenConfirm_RaisesOnConfirmedOnce()
    {
        var button = RenderButton();
        button.Find("button[data-undo]").Click();
        _dialogs.Find("button[data-cancel]").Click();

        button.Find("button[data-undo]").Click();
        _dialogs.Find("button[data-confirm]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        _confirmed.Should().Be(1);
    }

    [Fact]
    public void UndoBatchButton_Busy_IsDisabled()
    {
        RenderButton(busy: true).Find("button[data-undo]").HasAttribute("disabled").Should().BeTrue();
    }
}
