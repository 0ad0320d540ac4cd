using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Cli;

/// <summary>Where a command is about to write, checked before it creates anything: a path under a file, a
/// directory where a file is wanted or a read-only medium is one line naming the path, not a half-made folder
/// or a stack trace.</summary>
public static class OutputLocations
{
    /// <summary>A folder to write into, made when missing: the nearest part of it that exists must be a folder
    /// this process may write to.</summary>
    /// <param name="purpose">What the folder is for, as the message says it ("for --out").</param>
    /// <param name="hint">Appended to the message: what to do instead.</param>
    public static string RequireFolder(string path, string purpose, string hint = "")
    {
        var full = Path.GetFullPath(path);
        var existing = NearestExisting(full);
        if (File.Exists(existing))
            throw new UserErrorException($"{full}: expected a folder {purpose}, found a file{At(existing, full)}{hint}");
        if (WriteAccess.Obstacle(existing) is { } obstacle)
            throw new UserErrorException($"{full}: expected a writable folder {purpose}, found {obstacle}{At(existing, full)}{hint}");
        return full;
    }

    /// <summary>A file to write (replacing the one there) in a folder that exists.</summary>
    public static string RequireFile(string path, string purpose)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new UserErrorException($"{full}: expected a file {purpose}, found a directory");
        var folder = Path.GetDirectoryName(full)!;
        if (File.Exists(folder))
            throw new UserErrorException($"{full}: expected a file {purpose} in a folder, found a file at {folder}");
        if (!Directory.Exists(folder))
            throw new UserErrorException($"{full}: expected a file {purpose} in an existing folder, found no folder {folder}");
        foreach (var place in File.Exists(full) ? new[] { full, folder } : [folder])
        {
            if (WriteAccess.Obstacle(place) is { } obstacle)
                throw new UserErrorException($"{full}: expected a writable file {purpose}, found {obstacle}{At(place, full)}");
        }
        return full;
    }

    private static string NearestExisting(string path)
    {
        var current = path;
        while (!Directory.Exists(current) && !File.Exists(current) && Path.GetDirectoryName(current) is { } parent)
            current = parent;
        return current;
    }

    private static string At(string place, string path) => place == path ? "" : $" at {place}";
}
