using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sweep.Trials.Checkpoints;

/// <summary>The bytes of a checkpoint file: a magic tag, the content's length and SHA-256, then the content.
/// Storing the length apart from the checksum tells a truncated file from a damaged one. Version 2 added the
/// writing trial's identity; version 1 files are reported as unusable rather than guessed at.</summary>
internal static class CheckpointFormat
{
    private static readonly byte[] Magic = "SWEEPCK2"u8.ToArray();
    private static readonly byte[] FirstVersionMagic = "SWEEPCK1"u8.ToArray();
    private const int HashBytes = 32;
    private static readonly int HeaderBytes = Magic.Length + sizeof(long) + HashBytes;

    public static byte[] Encode(CheckpointContent content)
    {
        var payload = EncodePayload(content);
        using var file = new MemoryStream(HeaderBytes + payload.Length);
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write((long)payload.Length);
            writer.Write(SHA256.HashData(payload));
            writer.Write(payload);
        }
        return file.ToArray();
    }

    /// <summary>Verifies and unpacks a file's bytes; <paramref name="fileName"/> only names the file in errors.</summary>
    public static CheckpointContent Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes)
            throw new CheckpointException(fileName, "header",
                $"truncated: {bytes.Length} bytes, shorter than the {HeaderBytes}-byte header");
        if (bytes[..FirstVersionMagic.Length].SequenceEqual(FirstVersionMagic))
            throw new CheckpointException(fileName, "header",
                "written by an older sweep (SWEEPCK1, without the trial's identity); it cannot be matched to this trial");
        if (!bytes[..Magic.Length].SequenceEqual(Magic))
            throw new CheckpointException(fileName, "header", "expected a sweep checkpoint (magic SWEEPCK2)");
        var declaredLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(Magic.Length, sizeof(long)));
        var payload = bytes[HeaderBytes..];
        if (payload.Length != declaredLength)
            throw new CheckpointException(fileName, "length",
                $"{(payload.Length < declaredLength ? "truncated" : "trailing bytes")}: expected {declaredLength} "
                + $"bytes of content, found {payload.Length}");
        var storedHash = bytes.Slice(Magic.Length + sizeof(long), HashBytes);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(storedHash))
            throw new CheckpointException(fileName, "checksum", "the content's SHA-256 does not match the stored one");
        return DecodePayload(payload.ToArray());
    }

    private static byte[] EncodePayload(CheckpointContent content)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(content.Epoch);
            writer.Write(content.Trial);
            writer.Write(content.MetadataJson);
            writer.Write(content.ModelState.Length);
            writer.Write(content.ModelState);
            writer.Write(content.OptimizerState.Length);
            writer.Write(content.OptimizerState);
        }
        return payload.ToArray();
    }

    private static CheckpointContent DecodePayload(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        var epoch = reader.ReadInt32();
        var trial = reader.ReadString();
        var metadataJson = reader.ReadString();
        var modelState = reader.ReadBytes(reader.ReadInt32());
        var optimizerState = reader.ReadBytes(reader.ReadInt32());
        return new CheckpointContent(epoch, trial, metadataJson, modelState, optimizerState);
    }
}
