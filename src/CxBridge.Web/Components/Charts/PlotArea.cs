namespace CxBridge.Web.Components.Charts;

/// <summary>
/// The frame every chart shares: SVG size, padding, the plot rectangle inside it, and those numbers as
/// invariant SVG text (<see cref="SvgNumber"/>).
/// </summary>
public abstract class PlotArea(double width, double height, ChartPadding padding)
{
    public double Width { get; } = width;

    public double Height { get; } = height;

    public ChartPadding Padding { get; } = padding;

    public double PlotLeft => Padding.Left;

    public double PlotRight => Width - Padding.Right;

    public double PlotTop => Padding.Top;

    public double PlotBottom => Height - Padding.Bottom;

    public string WidthText => SvgNumber.Format(Width);

    public string HeightText => SvgNumber.Format(Height);

    public string ViewBox => $"0 0 {SvgNumber.Format(Width)} {SvgNumber.Format(Height)}";

    public string PlotLeftText => SvgNumber.Format(PlotLeft);

    public string PlotRightText => SvgNumber.Format(PlotRight);

    public string PlotTopText => SvgNumber.Format(PlotTop);

    public string PlotBottomText => SvgNumber.Format(PlotBottom);
}
