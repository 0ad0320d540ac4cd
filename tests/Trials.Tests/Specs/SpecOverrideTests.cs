using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Specs.SpecAssert;

namespace Sweep.Trials.Tests.Specs;

public class SpecOverrideTests
{
    private const string Baseline = "name: base\ntraining:\n  lr: 0.01\n  optimizer: adam\n";

    private static TrialSpec ReadWith(params (string Path, string Value)[] changes) =>
        TrialSpecReader.ReadText(Baseline, Yaml, FakePresets.Named,
            [.. changes.Select(change => SpecOverride.FromSearch(change.Path, change.Value, 14))]);

    [Fact]
    public void Override_ReplacesAWrittenScalar()
    {
        var spec = ReadWith(("training.lr", "0.003"));

        Assert.Equal(0.003, spec.Training.Lr);
        Assert.Equal(OptimizerKind.Adam, spec.Training.Optimizer);
    }

    [Fact]
    public void Override_SetsTheOptionalBackboneRateWhichIsOtherwiseUnset()
    {
        Assert.Equal(1e-4, ReadWith(("training.backbone_lr", "1e-4")).Training.BackboneLr);
        Assert.Null(ReadWith().Training.BackboneLr);
    }

    [Fact]
    public void BadOverrideBackboneRate_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.training.backbone_lr: expected a number > 0, found 0",
            Error(Baseline, [SpecOverride.FromSearch("training.backbone_lr", "0", 14)]));

    [Fact]
    public void Override_CreatesMissingSections() =>
        Assert.True(ReadWith(("dataset.augmentation.horizontal_flip", "true")).Dataset.Augmentation.HorizontalFlip);

    [Fact]
    public void Override_SetsListsFromFlowText()
    {
        var spec = ReadWith(("model.hidden", "[256, 128]"), ("model.trainable", "[head]"), ("model.pretrained", "runs/x.bin"));

        Assert.Equal([256, 128], spec.Model.Hidden);
        Assert.Equal(["head"], spec.Model.Trainable);
    }

    [Fact]
    public void Override_OfPreset_StartsFromTheNewPresetAndKeepsWrittenFields()
    {
        var spec = TrialSpecReader.ReadText("model: { preset: two-conv, dropout: 0.3 }", Yaml, FakePresets.Named,
            [SpecOverride.FromSearch("model.preset", "tiny-mlp", 9)]);

        Assert.Equal((ModelKind.Mlp, 0.3, "tiny-mlp"), (spec.Model.Kind, spec.Model.Dropout, spec.Model.Preset));
    }

    [Fact]
    public void Override_LeavesTheDocumentItselfUnchanged()
    {
        var document = SpecDocument.Parse(Baseline, Yaml);

        document.BindTrial(FakePresets.None, [SpecOverride.FromSearch("training.lr", "0.5", 14)]);

        Assert.Equal(0.01, document.BindTrial(FakePresets.None).Training.Lr);
    }

    [Fact]
    public void BadOverrideValue_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.training.lr: expected a number > 0, found -1",
            Error(Baseline, [SpecOverride.FromSearch("training.lr", "-1", 14)]));

    [Fact]
    public void BadOverrideEnum_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.training.optimizer: expected one of sgd, adam, adamw, rmsprop, found 'sgdd'",
            Error(Baseline, [SpecOverride.FromSearch("training.optimizer", "sgdd", 14)]));

    [Fact]
    public void BadOverrideListEntry_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.model.hidden: expected an integer ≥ 1, found 0",
            Error(Baseline, [SpecOverride.FromSearch("model.hidden", "[64, 0]", 14)]));

    [Fact]
    public void OverrideBreakingACrossFieldRule_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.model.trainable: expected model.pretrained to be set as well; trainable layers only apply to a pretrained model",
            Error(Baseline, [SpecOverride.FromSearch("model.trainable", "[head]", 14)]));

    [Fact]
    public void UnknownOverridePath_SuggestsTheNearestPath() =>
        Assert.Equal($"{Yaml}:14: search.parameters.training.lerning_rate: unknown parameter 'training.lerning_rate'; did you mean 'training.lr'?",
            Error(Baseline, [SpecOverride.FromSearch("training.lerning_rate", "0.1", 14)]));

    [Fact]
    public void UnparsableOverrideValue_PointsAtTheSearchLine() =>
        Assert.Equal($"{Yaml}:14: search.parameters.model.hidden: expected a YAML value, found '[64,'",
            Error(Baseline, [SpecOverride.FromSearch("model.hidden", "[64,", 14)]));
}
