using System.IO.Compression;

namespace Sweep.Trials.Data;

/// <summary>Opens data files whether or not they are gzip-compressed, telling the two apart by the gzip magic
/// bytes, so gzip data under any name still reads. A file named <c>.gz</c> without them is refused rather than
/// read raw: it is almost always a failed download or an error page saved under the data file's name.</summary>
internal static class DataStreams
{
    private const byte GzipMagic0 = 0x1f;
    private const byte GzipMagic1 = 0x8b;

    /// <summary>Buffers start this small and grow as data arrives; see <see cref="ReadAtMost"/>.</summary>
    private const int FirstChunk = 1 << 20;

    public static Stream OpenMaybeGzip(string path)
    {
        var file = OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            var read = ReadUpTo(file, magic, path);
            file.Position = 0;
            if (read >= 2 && magic[0] == GzipMagic0 && magic[1] == GzipMagic1)
                return new GZipStream(file, CompressionMode.Decompress);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                throw new DataFileException(path,
                    $"expected gzip data (a .gz file starts with bytes 1F 8B), found {Describe(magic[..read])}; if it is already unpacked, remove .gz from its name");
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole file, with read errors reported like any other data file problem.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, "expected a file, found none");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"expected a readable file, found a read error ({error.Message})");
        }
    }

    /// <summary>Fills the buffer and returns how many bytes were actually there; a damaged gzip stream or a read
    /// error is reported as a data file error instead of an exception without the file's name.</summary>
    public static int ReadUpTo(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException error)
        {
            throw new DataFileException(path, $"expected a valid gzip stream, found corrupt data ({error.Message})");
        }
        catch (IOException error)
        {
            throw new DataFileException(path, $"expected a readable file, found a read error ({error.Message})");
        }
    }

    /// <summary>Up to <paramref name="length"/> bytes, as many as the stream holds. The buffer grows as data
    /// arrives, so a damaged header declaring far more data than the file has cannot claim that memory (or fail
    /// to) before the shortfall shows.</summary>
    public static byte[] ReadAtMost(Stream stream, int length, string path)
    {
        var buffer = new byte[Math.Min(length, FirstChunk)];
        var filled = 0;
        while (true)
        {
            filled += ReadUpTo(stream, buffer.AsSpan(filled), path);
            if (filled < buffer.Length || buffer.Length == length)
                break;
            Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
        }
        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    public static bool HasMoreData(Stream stream, string path)
    {
        Span<byte> probe = stackalloc byte[1];
        return ReadUpTo(stream, probe, path) > 0;
    }

    private static FileStream OpenRead(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, "expected a file, found none");
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"expected a readable file, found it cannot be opened ({error.Message})");
        }
    }

    private static string Describe(ReadOnlySpan<byte> start) => start.IsEmpty
        ? "an empty file"
        : $"a file starting with bytes {string.Join(' ', start.ToArray().Select(value => value.ToString("X2")))}";
}
