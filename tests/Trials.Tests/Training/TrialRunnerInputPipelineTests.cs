using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Data;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerInputPipelineTests : RunDirectoryTests
{
    [Fact]
    public void PretrainedNetPipeline_ResumesToTheUninterruptedNumbers()
    {
        var tiny = Tiny(seed: 61, epochs: 2, trainSubset: 300, testSubset: 60);
        var spec = tiny with
        {
            Dataset = tiny.Dataset with
            {
                Channels = 3,
                Normalize = NormalizeKind.Imagenet,
                Resize = 34,
                Crop = 32,
                Augmentation = new AugmentationSpec { HorizontalFlip = true, RotationDegrees = 10, Hue = 0.05, Saturation = 0.3, ResizedCropScale = 0.5 },
            },
        };
        var uninterrupted = Train(spec, runDirectory: RunDirectory("uninterrupted"));
        var resumedDirectory = RunDirectory("resumed");
        TrainCancellingAfter(1, spec, resumedDirectory);

        var resumed = Train(spec, runDirectory: resumedDirectory);
        var unaugmented = Train(spec with { Dataset = spec.Dataset with { Augmentation = new AugmentationSpec() } });

        AssertSameNumbers(uninterrupted, resumed);
        Assert.Equal([4, 32, 32], uninterrupted.Model!.Layers[0].OutputShape);
        Assert.NotEqual(unaugmented.Epochs[0].TrainLoss, uninterrupted.Epochs[0].TrainLoss);
    }

    /// <summary>The crops of an image folder's training images are cut from the whole images, by the trial's
    /// generator: still the uninterrupted numbers after a resume, and not those of crops from the centre squares.</summary>
    [Fact]
    public void ImageFolderResizedCropsFromWholeImages_ResumeToTheUninterruptedNumbers()
    {
        var tiny = Tiny(seed: 62, epochs: 2);
        var spec = tiny with
        {
            Dataset = new DatasetSpec
            {
                Name = DatasetKind.ImageFolder,
                Path = WideImageFolder.Create(RunDirectory("images"), perClass: 16),
                ImageSize = WideImageFolder.ImageSize,
                Channels = 3,
                SplitSeed = 3,
                Augmentation = new AugmentationSpec { HorizontalFlip = true, ResizedCropScale = 0.3 },
            },
        };
        var uninterrupted = Train(spec, runDirectory: RunDirectory("uninterrupted"));
        var resumedDirectory = RunDirectory("resumed");
        TrainCancellingAfter(1, spec, resumedDirectory);

        var resumed = Train(spec, runDirectory: resumedDirectory);
        var flippedOnly = Train(spec with { Dataset = spec.Dataset with { Augmentation = new AugmentationSpec { HorizontalFlip = true } } });

        Assert.Equal(TrialOutcome.Completed, uninterrupted.Outcome);
        AssertSameNumbers(uninterrupted, resumed);
        Assert.NotEqual(flippedOnly.Epochs[0].TrainLoss, uninterrupted.Epochs[0].TrainLoss);
    }
}
