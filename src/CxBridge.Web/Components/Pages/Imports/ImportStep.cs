namespace CxBridge.Web.Components.Pages.Imports;

/// <summary>The steps of the import flow, in order.</summary>
public enum ImportStep
{
    Kind,
    Upload,
    Preview,
    Importing,
    Report,
}

/// <summary>A file on its way up: bytes received so far of its size.</summary>
public sealed record UploadProgress(string FileName, long Bytes, long Total)
{
    public double Percent => Total <= 0 ? 0 : Math.Min(100, 100.0 * Bytes / Total);
}
