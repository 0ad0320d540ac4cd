using System.Collections.Concurrent;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Loads each distinct dataset once and hands the same read-only <see cref="PreparedDataset"/> to every
/// trial that asks for it. Concurrent callers for one key wait for a
/// single load; a load that fails is forgotten so that a later call (say, with the files now present) retries.</summary>
public sealed class PreparedDatasetCache : IDisposable
{
    private readonly Func<DatasetSpec, string?, string, RawDataset> load;
    private readonly ConcurrentDictionary<DatasetKey, Lazy<PreparedDataset>> datasets = new();
    private bool disposed;

    public PreparedDatasetCache(DatasetLoader loader) : this(loader.Load)
    {
    }

    internal PreparedDatasetCache(Func<DatasetSpec, string?, string, RawDataset> load) => this.load = load;

    public PreparedDataset Get(DatasetSpec spec, string? dataDir, string specFile)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var key = DatasetKey.Of(spec, dataDir, specFile);
        var entry = datasets.GetOrAdd(key, _ => new Lazy<PreparedDataset>(
            () => DatasetPreparer.Prepare(load(spec, dataDir, specFile), spec, specFile),
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            datasets.TryRemove(new KeyValuePair<DatasetKey, Lazy<PreparedDataset>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var entry in datasets.Values.Where(entry => entry.IsValueCreated))
            entry.Value.Dispose();
        datasets.Clear();
    }
}
