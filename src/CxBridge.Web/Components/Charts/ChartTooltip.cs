namespace CxBridge.Web.Components.Charts;

/// <summary>
/// A hover box beside a chart point (shown by CSS on :hover, so it costs no round trip): to the right of the point, or
/// to its left when it would leave the plot; above the point, or below it when it would leave the top.
/// </summary>
public sealed record ChartTooltip(double X, double Y, double Width, double Height, IReadOnlyList<string> Lines)
{
    public const double LineHeight = 15;
    public const double CharWidth = 6.4;
    private const double Pad = 6;
    private const double Gap = 8;

    public string XText => SvgNumber.Format(X);
    public string YText => SvgNumber.Format(Y);
    public string WidthText => SvgNumber.Format(Width);
    public string HeightText => SvgNumber.Format(Height);
    public string TextXText => SvgNumber.Format(X + Pad);

    /// <summary>Baseline of line <paramref name="index"/>.</summary>
    public string LineYText(int index) => SvgNumber.Format(Y + Pad + LineHeight * (index + 1) - 4);

    public static ChartTooltip Place(double x, double y, IReadOnlyList<string> lines, double left, double right, double top)
    {
        var width = Math.Ceiling(lines.Max(l => l.Length) * CharWidth + 2 * Pad);
        var height = lines.Count * LineHeight + 2 * Pad;
        var boxX = x + Gap + width <= right ? x + Gap : Math.Max(left, x - Gap - width);
        var boxY = y - Gap - height >= top ? y - Gap - height : y + Gap;
        return new ChartTooltip(boxX, boxY, width, height, lines);
    }
}
