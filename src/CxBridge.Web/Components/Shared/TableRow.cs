namespace CxBridge.Web.Components.Shared;

/// <summary>One row of a <see cref="PagedTable"/>: its cells as text (null = empty).</summary>
public sealed record TableRow(IReadOnlyList<string?> Cells);
