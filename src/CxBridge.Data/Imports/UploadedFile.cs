using System.Security.Cryptography;
using System.Text;

namespace CxBridge.Data.Imports;

/// <summary>
/// What one pass over an uploaded file's bytes tells before any parsing: size, SHA-256, whether it is text at
/// all, and its encoding (a byte order mark, else UTF-8 when every byte sequence is valid UTF-8, else
/// Windows-1252, the superset of Latin-1 that spreadsheet exports on Windows use).
/// </summary>
public sealed record UploadedFile(string Path, long SizeBytes, string Checksum, Encoding Encoding, bool LooksBinary)
{
    public static async Task<UploadedFile> InspectAsync(string path, Encoding? chosen, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        var validUtf8 = true;
        var looksBinary = false;
        long size = 0;
        Encoding? bom = null;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (size == 0)
            {
                bom = DetectBom(span);
                looksBinary = bom is null && span[..Math.Min(span.Length, 8192)].Contains((byte)0);
            }
            sha.AppendData(span);
            if (validUtf8 && bom is null)
            {
                try
                {
                    decoder.GetChars(span, chars, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    validUtf8 = false;
                }
            }
            size += read;
        }
        if (validUtf8 && bom is null)
        {
            try
            {
                decoder.GetChars(ReadOnlySpan<byte>.Empty, chars, flush: true);
            }
            catch (DecoderFallbackException)
            {
                validUtf8 = false;
            }
        }
        var encoding = chosen ?? bom ?? (validUtf8 ? new UTF8Encoding(false) : CodePages.Windows1252);
        return new UploadedFile(path, size, Convert.ToHexStringLower(sha.GetHashAndReset()), encoding, looksBinary);
    }

    private static Encoding? DetectBom(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };
}
