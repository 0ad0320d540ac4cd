using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sweep.Trials.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Checkpoints;

/// <summary>One trial's checkpoints: a file per finished epoch and writer (<c>epoch-0003.&lt;writer&gt;.ckpt</c>)
/// holding the model's parameters and buffers, the optimizer's state (momentum buffers, Adam moments and step
/// counts), the loop's own metadata JSON and the identity of the trial, so that a resumed run continues bit for bit.</summary>
/// <remarks>Two holders of one trial may write at once (a worker whose lease expired still runs while its successor
/// trains): each writes under names of its own, through a temporary file of its own that is flushed and then
/// renamed into place, and removes only its own files. Which checkpoint counts is not decided here but by the
/// sweep's store, through the list of accepted checkpoints a resumed run is given.</remarks>
/// <param name="writer">Who writes: a lease owner in a sweep, <see cref="Standalone"/> for <c>sweep train</c>.</param>
public sealed partial class CheckpointStore(string directory, string writer = CheckpointStore.Standalone)
{
    public const string Standalone = "train";
    private const string Extension = ".ckpt";
    private const string TemporarySuffix = ".tmp";
    private const int FilesKept = 2;
    private readonly string tag = TagOf(writer);

    public string DirectoryPath { get; } = directory;

    /// <summary>Writes the checkpoint of a finished epoch, then keeps it and this writer's newest earlier one that
    /// verifies. This writer's files of later epochs are removed: they belong to a run this one has replaced.</summary>
    public void Save(int epoch, string trial, string metadataJson, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        Directory.CreateDirectory(DirectoryPath);
        var content = new CheckpointContent(epoch, trial, metadataJson,
            Serialize(writer => model.save(writer)), Serialize(writer => optimizer.save_state_dict(writer)));
        var finalPath = PathOf(epoch);
        var temporaryPath = $"{finalPath}.{Guid.NewGuid():N}{TemporarySuffix}";
        using (var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(CheckpointFormat.Encode(content));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporaryPath, finalPath, overwrite: true);
        Prune(epoch);
    }

    /// <summary>Restores the model and optimizer from the newest checkpoint that verifies, was written by
    /// <paramref name="trial"/> and, when <paramref name="accepted"/> is given, is one of those. Files passed over
    /// are named in the result with the reason.</summary>
    /// <param name="accepted">The checkpoints the sweep recorded; null outside a sweep, where this writer's own
    /// files count.</param>
    /// <exception cref="CheckpointException">Outside a sweep, the newest checkpoint belongs to another trial; or
    /// the chosen checkpoint does not fit this model or optimizer.</exception>
    public CheckpointLoad LoadLatest(nn.Module model, OptimizerHelper optimizer, string trial,
        IReadOnlyCollection<CheckpointRef>? accepted = null)
    {
        var skipped = new List<string>();
        var acceptedTags = accepted?.Select(c => (c.Epoch, TagOf(c.Writer))).ToHashSet();
        var candidates = CheckpointFiles()
            .Where(f => acceptedTags is null ? f.Tag == tag : acceptedTags.Contains((f.Epoch, f.Tag)))
            .OrderByDescending(f => f.Epoch);
        foreach (var (epoch, _, path) in candidates)
        {
            if (TryRead(path, skipped) is not { } content)
                continue;
            if (content.Epoch != epoch)
            {
                skipped.Add($"skipped {path}: epoch: holds epoch {content.Epoch}, its name says {epoch}");
                continue;
            }
            if (content.Trial != trial)
            {
                if (accepted is null)
                    throw new CheckpointException(path, "trial",
                        "was written by another trial (another spec, trial or seed); train into another --out folder or remove its checkpoints");
                skipped.Add($"skipped {path}: trial: written by another trial");
                continue;
            }
            Restore(path, content, model, optimizer);
            return new CheckpointLoad(new LoadedCheckpoint(epoch, content.MetadataJson, path), skipped);
        }
        return new CheckpointLoad(null, skipped);
    }

    /// <summary>Removes the directory and every checkpoint in it.</summary>
    public void Delete()
    {
        if (Directory.Exists(DirectoryPath))
            Directory.Delete(DirectoryPath, recursive: true);
    }

    /// <summary>Where a trial's run directory keeps its checkpoints.</summary>
    public static string DirectoryIn(string runDirectory) => Path.Combine(runDirectory, "checkpoints");

    /// <summary>The name of the file a writer saves for an epoch.</summary>
    public static string FileName(int epoch, string writer) =>
        $"epoch-{epoch.ToString("D4", CultureInfo.InvariantCulture)}.{TagOf(writer)}{Extension}";

    /// <summary>A short, file-name-safe name for a writer; writers are lease owners, which hold slashes.</summary>
    public static string TagOf(string writer) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(writer)))[..12];

    private string PathOf(int epoch) => Path.Combine(DirectoryPath, FileName(epoch, writer));

    private IEnumerable<(int Epoch, string Tag, string Path)> CheckpointFiles()
    {
        if (!Directory.Exists(DirectoryPath))
            return [];
        return Directory.EnumerateFiles(DirectoryPath)
            .Select(path => (Match: CheckpointName().Match(Path.GetFileName(path)), Path: path))
            .Where(f => f.Match.Success)
            .Select(f => (int.Parse(f.Match.Groups[1].Value, CultureInfo.InvariantCulture), f.Match.Groups[2].Value, f.Path))
            .ToList();
    }

    private void Prune(int savedEpoch)
    {
        var kept = 1;
        var own = CheckpointFiles().Where(f => f.Tag == tag && f.Epoch != savedEpoch).OrderByDescending(f => f.Epoch);
        foreach (var (epoch, _, path) in own)
        {
            if (epoch < savedEpoch && kept < FilesKept && TryRead(path, skipped: null) is not null)
                kept++;
            else
                File.Delete(path);
        }
        // Only this writer's leftovers: another writer's temporary file may be one it is writing now.
        foreach (var leftover in Directory.EnumerateFiles(DirectoryPath, $"epoch-*.{tag}{Extension}.*{TemporarySuffix}"))
            File.Delete(leftover);
    }

    private static CheckpointContent? TryRead(string path, List<string>? skipped)
    {
        try
        {
            return CheckpointFormat.Decode(path, File.ReadAllBytes(path));
        }
        catch (CheckpointException e)
        {
            skipped?.Add($"skipped {e.Message}");
            return null;
        }
    }

    private static void Restore(string path, CheckpointContent content, nn.Module model, OptimizerHelper optimizer)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.ModelState), Encoding.UTF8);
            InPlaceLoad.Load(model, reader);
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

    [GeneratedRegex(@"^epoch-(\d{4,})\.([0-9a-f]{12})\.ckpt$")]
    private static partial Regex CheckpointName();
}
