namespace Sweep.Trials.Data;

/// <summary>The folders searched for a dataset, in order, and the one a download goes to.</summary>
internal static class DatasetFolders
{
    /// <param name="specPath">dataset.path, already resolved against the spec file's folder.</param>
    public static IReadOnlyList<string> Candidates(string? specPath, string? dataDir, DataSource source,
        string downloadRoot)
    {
        // A folder the spec names is where the user said the data are: looking elsewhere would train on other data.
        if (specPath is not null)
            return [Path.GetFullPath(specPath)];
        var folders = new List<string>();
        if (dataDir is not null)
        {
            folders.Add(Path.Combine(dataDir, source.FolderName));
            folders.Add(dataDir);
        }
        folders.AddRange(source.SystemFolders);
        folders.Add(Path.Combine(downloadRoot, source.FolderName));
        return folders.Select(Path.GetFullPath).Distinct().ToList();
    }

    public static string DownloadTarget(string? specPath, string? dataDir, DataSource source, string downloadRoot) =>
        Path.GetFullPath(specPath ?? Path.Combine(dataDir ?? downloadRoot, source.FolderName));
}
