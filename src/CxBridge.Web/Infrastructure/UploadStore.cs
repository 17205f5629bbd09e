using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Infrastructure;

public sealed class UploadSettings
{
    public const string Section = "CxBridge:Uploads";

    /// <summary>Where uploaded files wait between preview and import; empty = a folder in the system temp folder.
    /// Behind a load balancer, point every instance at the same shared folder.</summary>
    public string Path { get; set; } = "";
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;
    public int KeepHours { get; set; } = 24;
}

/// <summary>
/// Keeps uploaded files on disk so a preview can be re-run with another mapping, survey, scale or date
/// without sending the file again. Files older than KeepHours are removed whenever a new one arrives.
/// </summary>
public sealed class UploadStore(IOptions<UploadSettings> options, ILogger<UploadStore> logger)
{
    public sealed record StoredUpload(string Id, string FileName, string Path, long SizeBytes, DateTimeOffset UploadedAt);

    private string Folder
    {
        get
        {
            var folder = string.IsNullOrWhiteSpace(options.Value.Path)
                ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cxbridge-uploads")
                : options.Value.Path;
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The largest upload accepted, in bytes (setting CxBridge:Uploads:MaxBytes).</summary>
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// Copies the stream to a new file, telling <paramref name="progress"/> the bytes copied so far; throws
    /// <see cref="UploadTooLargeException"/> past MaxBytes. A copy that fails or is cancelled leaves no file behind.
    /// </summary>
    public async Task<StoredUpload> SaveAsync(Stream content, string fileName, CancellationToken ct = default, IProgress<long>? progress = null)
    {
        RemoveExpired();
        var id = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(Folder, id + ".csv");
        long size = 0;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > options.Value.MaxBytes)
                {
                    throw new UploadTooLargeException(options.Value.MaxBytes);
                }
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                progress?.Report(size);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var upload = new StoredUpload(id, System.IO.Path.GetFileName(fileName), path, size, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(MetaPath(id), JsonSerializer.Serialize(upload), ct);
        return upload;
    }

    public StoredUpload? Find(string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigit) || !File.Exists(MetaPath(id)))
        {
            return null;
        }
        return JsonSerializer.Deserialize<StoredUpload>(File.ReadAllText(MetaPath(id)));
    }

    public void Delete(string id)
    {
        if (Find(id) is { } upload)
        {
            File.Delete(upload.Path);
            File.Delete(MetaPath(id));
        }
    }

    private string MetaPath(string id) => System.IO.Path.Combine(Folder, id + ".json");

    private void RemoveExpired()
    {
        var cutoff = DateTime.UtcNow.AddHours(-options.Value.KeepHours);
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove expired upload {File}", file);
            }
        }
    }
}

public sealed class UploadTooLargeException(long maxBytes)
    : Exception($"the file is larger than the upload limit of {maxBytes / (1024 * 1024)} MB (setting CxBridge:Uploads:MaxBytes)");
