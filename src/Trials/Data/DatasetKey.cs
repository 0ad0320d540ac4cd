using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Every setting that changes the prepared data, and nothing else: augmentation happens per batch and
/// <c>download</c> only decides whether missing files may be fetched, so neither splits the cache, except that an
/// image folder's random resized crops need its training images kept whole as well.</summary>
internal sealed record DatasetKey(DatasetKind Kind, string? Path, string? DataDir, int TrainSubset, int TestSubset,
    double ValidationFraction, double TestFraction, int SplitSeed, int ImageSize, int Channels, string Classes, NormalizeKind? Normalize,
    bool WholeTrainImages)
{
    public static DatasetKey Of(DatasetSpec spec, string? dataDir, string specFile)
    {
        var isImageFolder = spec.Name == DatasetKind.ImageFolder;
        return new DatasetKey(spec.Name, SpecFile.Resolve(spec.Path, specFile),
            dataDir is null ? null : System.IO.Path.GetFullPath(dataDir), spec.TrainSubset, spec.TestSubset,
            spec.ValidationFraction, isImageFolder ? spec.TestFraction : 0, spec.SplitSeed,
            isImageFolder ? spec.ImageSize : 0, InputNormalization.ChannelsOf(spec), string.Join('\n', spec.Classes),
            spec.Normalize ?? NormalizeKind.Dataset, WholeImage.AreKeptFor(spec));
    }
}
