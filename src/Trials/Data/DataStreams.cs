using System.IO.Compression;

namespace Sweep.Trials.Data;

/// <summary>Opens data files whether or not they are gzip-compressed, telling the two apart by the gzip magic
/// bytes rather than the file name, so a renamed or already unpacked file still reads.</summary>
internal static class DataStreams
{
    public static Stream OpenMaybeGzip(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, "expected a file, found none");
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    /// <summary>Fills the buffer and returns how many bytes were actually there; a damaged gzip stream is reported
    /// as a data file error instead of an InvalidDataException without the file's name.</summary>
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
    }

    public static bool HasMoreData(Stream stream, string path)
    {
        Span<byte> probe = stackalloc byte[1];
        return ReadUpTo(stream, probe, path) > 0;
    }
}
