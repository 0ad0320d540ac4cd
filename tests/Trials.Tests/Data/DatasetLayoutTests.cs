using SkiaSharp;
using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Data;

/// <summary>Datasets as people have them: image folders in their three layouts, CIFAR-10 cut to some of its
/// classes, and MNIST's IDX files, all generated in the real formats.</summary>
public sealed class DatasetLayoutTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static DatasetLoader Loader() =>
        new(DataSources.Standard with { DownloadRoot = "/nonexistent" }, new FileDownloader(new HttpClient()));

    private void Images(string split, string className, int count, byte level)
    {
        for (var i = 0; i < count; i++)
            DataFileWriter.Png(Path.Combine(folder.Path, split, className, $"{i}.png"), 6, 6, new SKColor(level, level, level));
    }

    private PreparedDataset Prepare(DatasetSpec spec) =>
        DatasetPreparer.Prepare(Loader().Load(spec with { Path = folder.Path }, null, folder.File("s.yaml")),
            spec with { Path = folder.Path }, folder.File("s.yaml"));

    [Theory]
    [InlineData("validation")]
    [InlineData("val")]
    public void ImageFolder_WithAValidationFolder_UsesItAsTheValidationSplitAndHasNoTestSplitWithoutTest(string name)
    {
        Images("train", "cats", 6, 10);
        Images("train", "dogs", 4, 200);
        Images(name, "cats", 2, 10);
        Images(name, "dogs", 3, 200);

        using var data = Prepare(new DatasetSpec { Name = DatasetKind.ImageFolder, ImageSize = 8 });

        Assert.Equal(10, data.TrainLabels.shape[0]);
        Assert.Equal([0L, 0, 1, 1, 1], data.ValLabels.data<long>().ToArray());
        Assert.Equal(0, data.TestLabels.shape[0]);
        Assert.Equal(["cats", "dogs"], data.ClassNames);
    }

    [Fact]
    public void ImageFolder_WithValidationAndTestFolders_UsesEachAsItsSplit()
    {
        Images("train", "a", 3, 10);
        Images("train", "b", 3, 200);
        Images("validation", "a", 1, 10);
        Images("validation", "b", 1, 200);
        Images("test", "b", 2, 200);

        using var data = Prepare(new DatasetSpec { Name = DatasetKind.ImageFolder, ImageSize = 8 });

        Assert.Equal((6L, 2L), (data.TrainLabels.shape[0], data.ValLabels.shape[0]));
        Assert.Equal([1L, 1], data.TestLabels.data<long>().ToArray());
    }

    [Fact]
    public void ImageFolder_OfClassFoldersAlone_HoldsOutTestThenValidationBySeed()
    {
        Images("daisy", "", 10, 10);
        Images("roses", "", 10, 200);
        var spec = new DatasetSpec { Name = DatasetKind.ImageFolder, ImageSize = 8, TestFraction = 0.2, ValidationFraction = 0.25 };

        using var data = Prepare(spec);

        Assert.Equal(["daisy", "roses"], data.ClassNames);
        Assert.Equal((12L, 4L, 4L), (data.TrainLabels.shape[0], data.ValLabels.shape[0], data.TestLabels.shape[0]));
        Assert.Equal([0L, 0, 1, 1], data.TestLabels.data<long>().ToArray().Order());
    }

    [Fact]
    public void ImageFolder_WithTrainAlone_SaysWhatIsMissing()
    {
        Images("train", "a", 2, 10);

        var error = Assert.Throws<DataFileException>(() => ImageFolderLayout.Of(folder.Path));

        Assert.Equal($"{folder.Path}: expected test/ or validation/ (or val/) beside train/, found neither", error.Message);
    }

    [Fact]
    public void Cifar10_RestrictedToNamedClasses_KeepsThemRelabelledInTheOrderWritten()
    {
        var labels = Enumerable.Range(0, 20).Select(i => i % 10).ToArray();
        foreach (var name in Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").Append("test_batch.bin"))
            File.WriteAllBytes(folder.File(name), DataFileWriter.CifarBatch(labels));
        var spec = new DatasetSpec { Name = DatasetKind.Cifar10, Classes = ["bird", "airplane"], ValidationFraction = 0.1 };

        using var data = Prepare(spec);

        Assert.Equal(["bird", "airplane"], data.ClassNames);
        Assert.Equal(5 * 4, data.TrainLabels.shape[0] + data.ValLabels.shape[0]);
        Assert.Equal([0L, 0, 1, 1], data.TestLabels.data<long>().ToArray().Order());
        // The first test record of class 2 (bird) is record 2, whose first pixel byte is (2 × 31 + 1) mod 256.
        Assert.Equal((byte)63, data.TestRaw.Pixels[data.TestRaw.Labels.ToList().IndexOf(0) * data.TestRaw.ImageBytes]);
    }

    [Fact]
    public void ImageFolder_UnknownClass_IsRefusedWithTheFoldersNames()
    {
        Images("train", "a", 2, 10);
        Images("train", "b", 2, 200);
        Images("test", "a", 1, 10);

        var error = Assert.Throws<SpecException>(() =>
            Prepare(new DatasetSpec { Name = DatasetKind.ImageFolder, ImageSize = 8, Classes = ["a", "c"] }));

        Assert.Equal("dataset.classes", error.Field);
        Assert.Equal("unknown class 'c'; expected names from: a, b", error.Problem);
    }

    [Fact]
    public void Mnist_FromIdxFilesInTheSpecsFolder_LoadsWithTheDigitsAsClasses()
    {
        DataFileWriter.IdxDataset(folder.Path, trainCount: 40, testCount: 10, side: 28);

        using var data = Prepare(new DatasetSpec { Name = DatasetKind.Mnist });

        Assert.Equal(DatasetLoader.MnistClasses, data.ClassNames);
        Assert.Equal([10L, 1, 28, 28], data.TestImages.shape);
        Assert.Equal(40, data.TrainLabels.shape[0] + data.ValLabels.shape[0]);
    }
}
