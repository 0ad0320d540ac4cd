using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Specs.SpecAssert;

namespace Sweep.Trials.Tests.Specs;

public class TrialSpecReaderTests
{
    private const string Quickstart = """
        name: quickstart
        seed: 7
        dataset: { name: fashion-mnist, train_subset: 6000, augmentation: { horizontal_flip: true } }
        model: { preset: two-conv, dropout: 0.25, hidden: [128] }
        training: { epochs: 3, optimizer: adam, lr: 0.001, schedule: cosine, warmup_steps: 100 }
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.0003, 0.003]
        """;

    [Fact]
    public void Quickstart_BindsEveryWrittenFieldAndIgnoresSearch()
    {
        var spec = Read(Quickstart);

        Assert.Equal("quickstart", spec.Name);
        Assert.Equal(7L, spec.Seed);
        Assert.Equal(DatasetKind.FashionMnist, spec.Dataset.Name);
        Assert.Equal(6000, spec.Dataset.TrainSubset);
        Assert.True(spec.Dataset.Augmentation.HorizontalFlip);
        Assert.Equal(3, spec.Training.Epochs);
        Assert.Equal(OptimizerKind.Adam, spec.Training.Optimizer);
        Assert.Equal(0.001, spec.Training.Lr);
        Assert.Equal(ScheduleKind.Cosine, spec.Training.Schedule);
        Assert.Equal(100, spec.Training.WarmupSteps);
        Assert.Equal(ObjectiveMetric.ValAccuracy, spec.Objective.Metric);
        Assert.Equal(ObjectiveMode.Max, spec.Objective.Mode);
    }

    [Fact]
    public void Preset_IsTheStartingPointAndWrittenFieldsOverrideIt()
    {
        var model = Read(Quickstart).Model;

        Assert.Equal("two-conv", model.Preset);
        Assert.Equal(16, model.Channels);            // from the preset
        Assert.True(model.BatchNorm);                // from the preset
        Assert.Equal(0.25, model.Dropout);           // written over the preset's 0.1
        Assert.Equal([128], model.Hidden);           // written over the preset's [64]
    }

    [Fact]
    public void UnwrittenFields_KeepTheRecordDefaults()
    {
        var spec = TrialSpecReader.ReadText("name: bare\n", Yaml, FakePresets.None);

        Assert.Equal("bare", spec.Name);
        Assert.Equal(new ObjectiveSpec(), spec.Objective);
        Assert.Equal(new AugmentationSpec(), spec.Dataset.Augmentation);
        Assert.Equal(0.2, spec.Dataset.ValidationFraction);
        Assert.Equal([128], spec.Model.Hidden);
        Assert.Equal(1e-3, spec.Training.Lr);
    }

    [Fact]
    public void EmptySection_KeepsItsDefaults()
    {
        var spec = TrialSpecReader.ReadText("dataset:\ntraining: { epochs: 2 }\n", Yaml, FakePresets.None);

        Assert.Equal(new DatasetSpec().ValidationFraction, spec.Dataset.ValidationFraction);
        Assert.Equal(2, spec.Training.Epochs);
    }

    [Theory]
    [InlineData("fashion-mnist", DatasetKind.FashionMnist)]
    [InlineData("fashion_mnist", DatasetKind.FashionMnist)]
    [InlineData("Fashion-MNIST", DatasetKind.FashionMnist)]
    [InlineData("image-folder", DatasetKind.ImageFolder)]
    [InlineData("IMAGE_FOLDER", DatasetKind.ImageFolder)]
    [InlineData("cifar10", DatasetKind.Cifar10)]
    public void DatasetNames_AcceptAnyCaseAndEitherSeparator(string written, DatasetKind expected) =>
        Assert.Equal(expected, Read($"dataset: {{ name: {written} }}").Dataset.Name);

    [Theory]
    [InlineData("leaky_relu")]
    [InlineData("leaky-relu")]
    [InlineData("LeakyReLU")]
    public void ActivationNames_AcceptAnyCaseAndEitherSeparator(string written) =>
        Assert.Equal(Activation.LeakyRelu, Read($"model: {{ activation: {written} }}").Model.Activation);

    [Fact]
    public void Lists_AndNullableText_Bind()
    {
        var spec = Read("""
            model: { hidden: [256, 128], pretrained: runs/a/model.bin, trainable: [fc1, head] }
            training: { schedule: multistep, milestones: [3, 6] }
            dataset: { path: ~ }
            """);

        Assert.Equal([256, 128], spec.Model.Hidden);
        Assert.Equal(["fc1", "head"], spec.Model.Trainable);
        Assert.Equal("runs/a/model.bin", spec.Model.Pretrained);
        Assert.Equal([3, 6], spec.Training.Milestones);
        Assert.Null(spec.Dataset.Path);
    }

    [Fact]
    public void Seed_TakesSixtyFourBitValues() =>
        Assert.Equal(5_000_000_000L, Read("seed: 5000000000").Seed);

    [Fact]
    public void MissingFile_IsOneLineErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-spec-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<SpecException>(() => TrialSpecReader.Read(path, FakePresets.None));

        Assert.Equal($"{path}: file: not found", error.Message);
    }

    [Fact]
    public void Read_LoadsTheFileFromDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: on-disk\ntraining: { lr: 0.5 }\n");
        try
        {
            var spec = TrialSpecReader.Read(path, FakePresets.None);
            Assert.Equal(("on-disk", 0.5), (spec.Name, spec.Training.Lr));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
