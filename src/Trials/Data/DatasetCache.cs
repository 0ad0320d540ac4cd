using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>The process-wide dataset cache: every trial in the process shares one prepared copy of each dataset,
/// read from the standard places and mirrors. Its datasets live as long as the process.</summary>
public static class DatasetCache
{
    private static readonly PreparedDatasetCache Shared =
        new(new DatasetLoader(DataSources.Standard, new FileDownloader(new HttpClient())));

    /// <summary>Thread-safe; concurrent callers for the same data wait for a single load.</summary>
    public static PreparedDataset Get(DatasetSpec spec, string? dataDir, string specFile) =>
        Shared.Get(spec, dataDir, specFile);
}
