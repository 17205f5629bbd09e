using System.Text;
using CxBridge.Data.Imports;

namespace CxBridge.Data.Tests.Infrastructure;

/// <summary>Real files on disk for imports: written from text (or bytes) into a temp folder, deleted with the test.</summary>
public sealed class CsvFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxbridge-tests-").FullName;

    public string Write(string content, string name = "upload.csv", Encoding? encoding = null) =>
        WriteBytes((encoding ?? new UTF8Encoding(false)).GetBytes(content), name);

    public string WriteBytes(byte[] content, string name = "upload.csv")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public ImportRequest Request(string content, string? options = null, string kind = "responses") =>
        RequestFor(Write(content), options, kind);

    /// <summary>Options as a query string: "survey=nps&amp;mode=skip-invalid".</summary>
    public static ImportRequest RequestFor(string path, string? options = null, string kind = "responses")
    {
        var pairs = (options ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string?>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""));
        var parsed = ImportOptions.Parse(pairs, out var problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
        return new ImportRequest(kind, Path.GetFileName(path), path, parsed);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Finds files of the repository: samples/ and the real public files in tests/data/real.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>A real public file kept as a fixture in tests/data/real (see its README for sources and licences).</summary>
    public static string RealData(string relative) => Path.Combine(Root, "tests", "data", "real", relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CxBridge.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("CxBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
