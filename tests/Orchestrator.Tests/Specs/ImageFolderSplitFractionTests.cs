using SkiaSharp;
using Sweep.Orchestrator.Cli;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.Specs;

/// <summary>An image folder whose subfolders define a split never reads the fraction that would hold it out of
/// train/: the data check before any trial refuses such a fraction at its line.</summary>
public sealed class ImageFolderSplitFractionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweep-split-fraction-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string SpecFile => Path.Combine(folder, "sweep.yaml");

    [Fact]
    public void ValidationFraction_WithAValidationFolder_IsRefusedAtItsLine()
    {
        WriteImages("train", "validation");

        var error = Check("dataset:\n  name: image-folder\n  path: pets\n  image_size: 8\n  validation_fraction: 0.1\n");

        Assert.Equal($"{SpecFile}:5: dataset.validation_fraction: expected no validation_fraction for an image folder with "
            + $"validation/ beside train/, which is its validation split ({Path.Combine(folder, "pets", "validation")}); "
            + "nothing is held out of train/", error);
    }

    [Fact]
    public void TestFraction_WithATestFolder_IsRefusedAtItsLine()
    {
        WriteImages("train", "test");

        var error = Check("dataset:\n  name: image-folder\n  path: pets\n  test_fraction: 0.3\n  image_size: 8\n");

        Assert.StartsWith($"{SpecFile}:4: dataset.test_fraction: expected no test_fraction for an image folder with test/ beside train/",
            error);
    }

    [Fact]
    public void TestFraction_WithTrainAndValidationOnly_IsRefused()
    {
        WriteImages("train", "val");

        var error = Check("dataset:\n  name: image-folder\n  path: pets\n  image_size: 8\n  test_fraction: 0.3\n");

        Assert.Equal($"{SpecFile}:5: dataset.test_fraction: expected no test_fraction for an image folder with train/ and val/ "
            + "but no test/, which has no test split; add test/ or leave the field out", error);
    }

    [Fact]
    public void ValidationFraction_InTheSearch_IsRefusedAtTheParametersLine()
    {
        WriteImages("train", "validation");

        var error = Check("dataset:\n  name: image-folder\n  path: pets\n  image_size: 8\n"
            + "search:\n  strategy: ofat\n  parameters:\n    dataset.validation_fraction: [0.1, 0.3]\n");

        Assert.StartsWith($"{SpecFile}:8: search.parameters.dataset.validation_fraction: expected no validation_fraction", error);
    }

    [Fact]
    public void FractionsTheLayoutReads_PassTheCheck()
    {
        WriteImages("train", "test");
        File.WriteAllText(SpecFile, "dataset:\n  name: image-folder\n  path: pets\n  image_size: 8\n  validation_fraction: 0.5\n");
        var loader = new SpecLoader();

        SweepDataCheck.Check(loader, loader.ReadFile(SpecFile), null);
    }

    private string Check(string yaml)
    {
        File.WriteAllText(SpecFile, yaml);
        var loader = new SpecLoader();
        return Assert.Throws<SpecException>(() => SweepDataCheck.Check(loader, loader.ReadFile(SpecFile), null)).Message;
    }

    /// <summary>Two one-colour PNGs per class in each split folder.</summary>
    private void WriteImages(params string[] splits)
    {
        foreach (var split in splits)
            foreach (var (name, colour) in new[] { ("cats", SKColors.Red), ("dogs", SKColors.Blue) })
                for (var index = 0; index < 2; index++)
                {
                    var path = Path.Combine(folder, "pets", split, name, $"{index}.png");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using var bitmap = new SKBitmap(8, 8);
                    bitmap.Erase(colour);
                    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(path, data.ToArray());
                }
    }
}
