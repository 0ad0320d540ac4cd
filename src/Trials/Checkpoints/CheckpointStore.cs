using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Checkpoints;

/// <summary>One trial's checkpoints: a file per finished epoch (<c>epoch-0003.ckpt</c>) holding the model's
/// parameters and buffers, the optimizer's state (momentum buffers, Adam moments and step counts) and the loop's
/// own metadata JSON, so that a resumed run continues bit for bit.</summary>
/// <remarks>Each file is written under a temporary name, flushed to disk and then renamed into place, so a crash
/// leaves either the old set of files or the new one, never a half-written <c>.ckpt</c>.</remarks>
public sealed partial class CheckpointStore(string directory)
{
    private const string Extension = ".ckpt";
    private const string TemporarySuffix = ".tmp";
    private const int FilesKept = 2;

    public string DirectoryPath { get; } = directory;

    /// <summary>Writes the checkpoint of a finished epoch, then keeps it and the newest earlier one that verifies.
    /// Files of later epochs are removed: they belong to a run this one has replaced.</summary>
    public void Save(int epoch, string metadataJson, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        Directory.CreateDirectory(DirectoryPath);
        var content = new CheckpointContent(epoch, metadataJson,
            Serialize(writer => model.save(writer)), Serialize(writer => optimizer.save_state_dict(writer)));
        var finalPath = PathOf(epoch);
        var temporaryPath = finalPath + TemporarySuffix;
        using (var file = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write))
        {
            file.Write(CheckpointFormat.Encode(content));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporaryPath, finalPath, overwrite: true);
        Prune(epoch);
    }

    /// <summary>Restores the model and optimizer from the newest checkpoint that verifies; null when there is none.
    /// Newer files that fail to verify (truncated, damaged) are skipped and named in the result's warnings.</summary>
    /// <exception cref="CheckpointException">Checkpoints exist but none verifies, or the newest good one does not
    /// fit this model or optimizer.</exception>
    public LoadedCheckpoint? LoadLatest(nn.Module model, OptimizerHelper optimizer)
    {
        var warnings = new List<string>();
        foreach (var (epoch, path) in CheckpointFiles().OrderByDescending(f => f.Epoch))
        {
            if (TryRead(path, warnings) is not { } content)
                continue;
            if (content.Epoch != epoch)
                throw new CheckpointException(path, "epoch", $"holds epoch {content.Epoch}, its name says {epoch}");
            Restore(path, content, model, optimizer);
            return new LoadedCheckpoint(epoch, content.MetadataJson, path, warnings);
        }
        return warnings.Count == 0
            ? null
            : throw new CheckpointException(DirectoryPath, "checkpoints",
                $"none of the {warnings.Count} checkpoint files verifies ({string.Join("; ", warnings)})");
    }

    /// <summary>Removes the directory and every checkpoint in it.</summary>
    public void Delete()
    {
        if (Directory.Exists(DirectoryPath))
            Directory.Delete(DirectoryPath, recursive: true);
    }

    private string PathOf(int epoch) =>
        Path.Combine(DirectoryPath, $"epoch-{epoch.ToString("D4", CultureInfo.InvariantCulture)}{Extension}");

    private IEnumerable<(int Epoch, string Path)> CheckpointFiles()
    {
        if (!Directory.Exists(DirectoryPath))
            return [];
        return Directory.EnumerateFiles(DirectoryPath)
            .Select(path => (Match: CheckpointName().Match(Path.GetFileName(path)), Path: path))
            .Where(f => f.Match.Success)
            .Select(f => (int.Parse(f.Match.Groups[1].Value, CultureInfo.InvariantCulture), f.Path))
            .ToList();
    }

    private void Prune(int savedEpoch)
    {
        var kept = 1;
        foreach (var (epoch, path) in CheckpointFiles().Where(f => f.Epoch != savedEpoch).OrderByDescending(f => f.Epoch))
        {
            if (epoch < savedEpoch && kept < FilesKept && TryRead(path, warnings: null) is not null)
                kept++;
            else
                File.Delete(path);
        }
        foreach (var leftover in Directory.EnumerateFiles(DirectoryPath, "*" + Extension + TemporarySuffix))
            File.Delete(leftover);
    }

    private static CheckpointContent? TryRead(string path, List<string>? warnings)
    {
        try
        {
            return CheckpointFormat.Decode(path, File.ReadAllBytes(path));
        }
        catch (CheckpointException e)
        {
            warnings?.Add($"skipped {e.Message}");
            return null;
        }
    }

    private static void Restore(string path, CheckpointContent content, nn.Module model, OptimizerHelper optimizer)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.ModelState), Encoding.UTF8);
            model.load(reader);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(path, "model", $"does not fit this model ({e.Message})");
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.OptimizerState), Encoding.UTF8);
            optimizer.load_state_dict(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            throw new CheckpointException(path, "optimizer", $"does not fit this optimizer ({e.Message})");
        }
    }

    private static byte[] Serialize(Action<BinaryWriter> save)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            save(writer);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"^epoch-(\d{4,})\.ckpt$")]
    private static partial Regex CheckpointName();
}
