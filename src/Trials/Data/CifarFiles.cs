using System.Formats.Tar;
using System.IO.Compression;

namespace Sweep.Trials.Data;

/// <summary>The CIFAR-10 binary batches, found either in a folder itself or in the
/// <c>cifar-10-batches-bin</c> subfolder that the official archive unpacks to.</summary>
internal sealed record CifarFiles(IReadOnlyList<string> TrainBatches, string TestBatch, string Meta)
{
    public const string ArchiveFolder = "cifar-10-batches-bin";
    private static readonly string[] TrainNames = Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray();
    private const string TestName = "test_batch.bin";
    private const string MetaName = "batches.meta.txt";

    public static CifarFiles? Find(string folder) =>
        new[] { folder, Path.Combine(folder, ArchiveFolder) }.Select(FindIn).FirstOrDefault(files => files is not null);

    private static CifarFiles? FindIn(string folder)
    {
        var train = TrainNames.Select(name => Path.Combine(folder, name)).ToList();
        var test = Path.Combine(folder, TestName);
        return train.Append(test).All(File.Exists) ? new CifarFiles(train, test, Path.Combine(folder, MetaName)) : null;
    }

    /// <summary>Unpacks only the archive's regular files under <c>cifar-10-batches-bin/</c>, by file name alone so
    /// that no entry can write outside the target; the folder appears whole or not at all.</summary>
    public static void Extract(string archive, string targetFolder)
    {
        var final = Path.Combine(targetFolder, ArchiveFolder);
        var temporary = Path.Combine(targetFolder, $".{ArchiveFolder}.{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(temporary);
        try
        {
            using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    var parts = entry.Name.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                        && parts is [ArchiveFolder, var name] && name is not ("." or ".."))
                        entry.ExtractToFile(Path.Combine(temporary, name), overwrite: true);
                }
            }
            if (FindIn(temporary) is null)
                throw new DataFileException(archive,
                    $"expected {string.Join(", ", TrainNames)} and {TestName} under {ArchiveFolder}/, found an archive without them");
            if (Directory.Exists(final))
                Directory.Delete(final, recursive: true);
            Directory.Move(temporary, final);
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DataFileException(archive, $"expected a gzip-compressed tar archive, found corrupt data ({error.Message})");
        }
        finally
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
        }
    }
}
