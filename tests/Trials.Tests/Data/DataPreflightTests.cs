using SkiaSharp;
using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Data;

public sealed class DataPreflightTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string SpecFile => folder.File("sweep.yaml");

    [Fact]
    public void Check_ReadsEachChoiceOfFilesOnce()
    {
        var loaded = new List<DatasetSpec>();
        var mnist = new DatasetSpec { Name = DatasetKind.Mnist, Path = "digits" };
        var images = new DatasetSpec { Name = DatasetKind.ImageFolder, Path = "pictures" };
        DatasetSpec[] datasets =
        [
            mnist,
            mnist with { TrainSubset = 6, SplitSeed = 3, ValidationFraction = 0.3 },
            mnist with { Augmentation = new AugmentationSpec { HorizontalFlip = true }, ImageSize = 64 },
            mnist with { Path = Path.Combine(folder.Path, "digits") },
            mnist with { Path = "other" },
            images,
            images with { ImageSize = 64 },
            images with { Channels = 1 },
            images with { TestSubset = 2 },
        ];

        DataPreflight.Check(datasets, null, SpecFile, (spec, _, _) =>
        {
            loaded.Add(spec);
            return SyntheticData.Raw(SyntheticData.Images(2, 3), SyntheticData.Images(2, 1));
        });

        Assert.Equal([datasets[0], datasets[4], datasets[5], datasets[6], datasets[7]], loaded);
    }

    [Theory]
    [InlineData(10, 0, 0.2, "dataset.train_subset: expected 0 (all) or at most 9 (the images in train-file), found 10")]
    [InlineData(0, 4, 0.2, "dataset.test_subset: expected 0 (all) or at most 3 (the images in test-file), found 4")]
    [InlineData(0, 0, 0.99, "dataset.validation_fraction: expected a fraction leaving at least one image on either side out of 9, found 0.99")]
    public void Check_ACountTheFilesCannotGive_IsRefusedAtItsField(int trainSubset, int testSubset,
        double validationFraction, string expected)
    {
        var mnist = Mnist() with { TrainSubset = trainSubset, TestSubset = testSubset, ValidationFraction = validationFraction };

        var error = Assert.Throws<SpecException>(() => DataPreflight.Check([Mnist(), mnist], null, SpecFile,
            (_, _, _) => SyntheticData.Raw(SyntheticData.Images(2, 3), SyntheticData.Images(2, 1))));

        Assert.Equal($"{SpecFile}: {expected}", error.Message);
    }

    [Fact]
    public void Check_ClassesTheFilesDoNotHave_AreRefused()
    {
        var images = ImageFolder() with { Classes = ["class0", "horse"] };

        var error = Assert.Throws<SpecException>(() => DataPreflight.Check([images], null, SpecFile,
            (_, _, _) => SyntheticData.Raw(SyntheticData.Images(2, 3), SyntheticData.Images(2, 1))));

        Assert.StartsWith($"{SpecFile}: dataset.classes: ", error.Message);
        Assert.Contains("horse", error.Message);
    }

    [Fact]
    public void Check_WholeData_Passes()
    {
        DataFileWriter.IdxDataset(folder.File("digits"), trainCount: 20, testCount: 10);
        WriteImageFolder(folder.File("pictures"), ["cat", "dog"]);

        DataPreflight.Check([Mnist(), ImageFolder()], null, SpecFile);
    }

    public static TheoryData<string, string, string> BrokenIdxFiles => new()
    {
        { "bad magic", "train-images-idx3-ubyte.gz", "expected magic number 0x00000803 (IDX images), found 0x00000801" },
        { "truncated", "t10k-images-idx3-ubyte.gz", "expected 10×4×4 = 160 pixel bytes after the header, found 150 (truncated)" },
        { "count mismatch", "train-labels-idx1-ubyte.gz", "expected 20 labels (the image count of " },
        { "gz not gzip", "t10k-labels-idx1-ubyte.gz", "expected gzip data (a .gz file starts with bytes 1F 8B), found " },
        { "test image size", "t10k-images-idx3-ubyte.gz", "expected 4×4 images like those of " },
    };

    [Theory]
    [MemberData(nameof(BrokenIdxFiles))]
    public void Check_BrokenIdxFile_NamesItAndWhatWasExpected(string damage, string fileName, string expected)
    {
        var data = folder.File("digits");
        DataFileWriter.IdxDataset(data, trainCount: 20, testCount: 10);
        var broken = Path.Combine(data, fileName);
        File.WriteAllBytes(broken, damage switch
        {
            "bad magic" => DataFileWriter.Gzip(DataFileWriter.IdxImages(20, 4, 4, _ => 0, magic: 0x801)),
            "truncated" => DataFileWriter.Gzip(DataFileWriter.IdxImages(10, 4, 4, _ => 0)[..^10]),
            "count mismatch" => DataFileWriter.Gzip(DataFileWriter.IdxLabels(new int[19])),
            "gz not gzip" => DataFileWriter.IdxLabels(new int[10]),
            _ => DataFileWriter.Gzip(DataFileWriter.IdxImages(10, 5, 5, _ => 0)),
        });

        var error = Assert.Throws<DataFileException>(() => DataPreflight.Check([Mnist()], null, SpecFile));

        Assert.Equal(broken, error.File);
        Assert.StartsWith($"{broken}: {expected}", error.Message);
    }

    [Fact]
    public void Check_ImageFolderWithAnEmptyClass_NamesTheFolder()
    {
        var data = WriteImageFolder(folder.File("pictures"), ["cat", "dog"]);
        var empty = Path.Combine(data, "train", "bird");
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<DataFileException>(() => DataPreflight.Check([ImageFolder()], null, SpecFile));

        Assert.Equal(empty, error.File);
        Assert.StartsWith($"{empty}: expected at least one image", error.Message);
    }

    [Fact]
    public void Check_ImageFolderWithOneClass_NamesTheSplit()
    {
        var data = WriteImageFolder(folder.File("pictures"), ["cat"]);

        var error = Assert.Throws<DataFileException>(() => DataPreflight.Check([ImageFolder()], null, SpecFile));

        Assert.Equal($"{Path.Combine(data, "train")}: expected at least two class subfolders, found only cat", error.Message);
    }

    [Fact]
    public void Check_ImageFolderWithATruncatedTestImage_NamesTheImage()
    {
        var data = WriteImageFolder(folder.File("pictures"), ["cat", "dog"]);
        var broken = Path.Combine(data, "test", "dog", "cut.png");
        File.WriteAllBytes(broken, DataFileWriter.NoisyImage(SKEncodedImageFormat.Png)[..400]);

        var error = Assert.Throws<DataFileException>(() => DataPreflight.Check([ImageFolder()], null, SpecFile));

        Assert.Equal($"{broken}: expected a complete PNG or JPEG image, found one that ends early (truncated)", error.Message);
    }

    private static DatasetSpec Mnist() => new() { Name = DatasetKind.Mnist, Path = "digits" };

    private static DatasetSpec ImageFolder() =>
        new() { Name = DatasetKind.ImageFolder, Path = "pictures", ImageSize = 8, Channels = 3 };

    private static string WriteImageFolder(string root, IReadOnlyList<string> classes)
    {
        foreach (var split in new[] { "train", "test" })
            foreach (var name in classes)
                for (var i = 0; i < 2; i++)
                    DataFileWriter.Png(Path.Combine(root, split, name, $"{i}.png"), 6, 6, new SKColor((byte)(i * 90), 40, 200));
        return root;
    }
}
