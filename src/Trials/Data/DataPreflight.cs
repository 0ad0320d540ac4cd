using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Reads every dataset a sweep will train on, in the process that plans it, before any trial starts. A
/// trial that finds its data broken fails alone, after a worker (possibly a remote one) has started, and the
/// sweep goes on to fail every other trial the same way; read here, the problem is one line and nothing runs.
/// The files are read with the loader the trials use, so every check they would make is made, then dropped:
/// only raw bytes are held, never tensors.</summary>
public static class DataPreflight
{
    public static void Check(IEnumerable<DatasetSpec> datasets, string? dataDir, string specFile)
    {
        using var http = new HttpClient();
        Check(datasets, dataDir, specFile, new DatasetLoader(DataSources.Standard, new FileDownloader(http)).Load);
    }

    internal static void Check(IEnumerable<DatasetSpec> datasets, string? dataDir, string specFile,
        Func<DatasetSpec, string?, string, RawDataset> load)
    {
        foreach (var files in datasets.GroupBy(spec => FileChoice.Of(spec, specFile)))
        {
            var raw = load(files.First(), dataDir, specFile);
            // Classes, subsets and splits only pick from what was read, but a count the files cannot give would
            // fail every trial that asks for it.
            foreach (var dataset in files.DistinctBy(SplitChoice.Of))
                _ = DatasetPreparer.Split(ClassChoice.Apply(raw, dataset.Classes, specFile), dataset, specFile);
        }
        // This process lives beside the trial workers for the whole sweep; the arrays just read are garbage
        // now, and left to a later collection they would hold that memory while the workers need it.
        GC.Collect();
    }

    /// <summary>The settings that decide which files are read and how they are decoded. Subsets, splits and
    /// augmentation only pick from what was read, so trials differing in those share one reading.</summary>
    private sealed record FileChoice(DatasetKind Kind, string? Path, bool Download, int ImageSize, int Channels)
    {
        public static FileChoice Of(DatasetSpec spec, string specFile)
        {
            var isImageFolder = spec.Name == DatasetKind.ImageFolder;
            return new FileChoice(spec.Name, SpecFile.Resolve(spec.Path, specFile), spec.Download,
                isImageFolder ? spec.ImageSize : 0, isImageFolder ? spec.Channels ?? 3 : 0);
        }
    }

    /// <summary>The settings that decide how many images each split gets; seeds only change which ones.</summary>
    private sealed record SplitChoice(string Classes, int TrainSubset, int TestSubset, double ValidationFraction,
        double TestFraction)
    {
        public static SplitChoice Of(DatasetSpec spec) => new(string.Join('\n', spec.Classes), spec.TrainSubset,
            spec.TestSubset, spec.ValidationFraction, spec.TestFraction);
    }
}
