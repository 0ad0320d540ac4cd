using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.Specs;

public class SweepSpecReaderTests
{
    private const string File = "sweeps/quickstart.yaml";

    private const string Quickstart = """
        name: quickstart
        seed: 7
        dataset: { name: fashion-mnist, train_subset: 6000, augmentation: { horizontal_flip: true } }
        model: { preset: two-conv, dropout: 0.25, hidden: [128] }
        training: { epochs: 3, optimizer: adam, lr: 0.001, schedule: cosine, warmup_steps: 100 }
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat              # ofat | ofat-adaptive | grid | random
          parameters:
            training.lr: [0.0003, 0.003]
            model.batch_norm: [true]
            training.optimizer: [sgd, adamw]
            model.hidden: [[64], [256, 128]]
          repeats: 2
          max_trials: 60
          interactions: 2
          retries: 1
          early_stopping: { policy: asha, grace_epochs: 1, reduction: 3 }
        """;

    private static SweepSpec Read(string yaml) => SweepSpecReader.ReadText(yaml, File, FakePresets.Named);

    private static string Error(string yaml) => Assert.Throws<SpecException>(() => Read(yaml)).Message;

    /// <summary>The quickstart baseline with a different search section.</summary>
    private static string WithSearch(string search) =>
        Quickstart[..Quickstart.IndexOf("search:", StringComparison.Ordinal)] + search;

    [Fact]
    public void Quickstart_ReadsBaselineAndSearch()
    {
        var spec = Read(Quickstart);

        Assert.Equal((File, Quickstart), (spec.SourcePath, spec.Text));
        Assert.Equal(("quickstart", 7L, 16, 0.25), (spec.Baseline.Name, spec.Baseline.Seed, spec.Baseline.Model.Channels, spec.Baseline.Model.Dropout));
        var search = spec.Search;
        Assert.Equal(SearchStrategy.Ofat, search.Strategy);
        Assert.Equal((2, 60, 2, 1), (search.Repeats, search.MaxTrials, search.Interactions, search.Retries));
        Assert.Equal(new EarlyStoppingSpec { Policy = EarlyStoppingPolicy.Asha, GraceEpochs = 1, Reduction = 3 }, search.EarlyStopping);
    }

    [Fact]
    public void Parameters_KeepFileOrderLinesAndValuesAsWritten()
    {
        var parameters = Read(Quickstart).Search.Parameters;

        Assert.Equal(
            [
                ("training.lr", 10, "0.0003|0.003"),
                ("model.batch_norm", 11, "true"),
                ("training.optimizer", 12, "sgd|adamw"),
                ("model.hidden", 13, "[64]|[256, 128]"),
            ],
            parameters.Select(parameter => (parameter.Path, parameter.Line, string.Join("|", ((ValueList)parameter).Values))));
    }

    [Fact]
    public void BaselineValues_AreTheEffectiveValuesAsFlowText()
    {
        var values = Read(Quickstart).BaselineValues;

        Assert.Equal("0.001", values["training.lr"]);
        Assert.Equal("true", values["model.batch_norm"]);       // from the preset
        Assert.Equal("adam", values["training.optimizer"]);
        Assert.Equal("[128]", values["model.hidden"]);
        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void BaselineValues_UseDefaultsForUnwrittenFields()
    {
        var values = Read(WithSearch("search:\n  parameters:\n    model.activation: [elu]\n    training.momentum: [0.5]\n")).BaselineValues;

        Assert.Equal(("relu", "0.9"), (values["model.activation"], values["training.momentum"]));
    }

    [Fact]
    public void ResolveTrial_AppliesChangesAndSeed()
    {
        var spec = Read(Quickstart);

        var trial = SweepSpecReader.ResolveTrial(spec,
            [("training.optimizer", "sgd"), ("model.hidden", "[256, 128]")], 9_876_543_210L, FakePresets.Named);

        Assert.Equal(OptimizerKind.Sgd, trial.Training.Optimizer);
        Assert.Equal([256, 128], trial.Model.Hidden);
        Assert.Equal(9_876_543_210L, trial.Seed);
        Assert.Equal(0.001, trial.Training.Lr);
        Assert.Equal(16, trial.Model.Channels);
    }

    [Fact]
    public void ResolveTrial_WithBaselineValues_GivesTheBaseline()
    {
        var spec = Read(Quickstart);

        var trial = SweepSpecReader.ResolveTrial(spec,
            [.. spec.BaselineValues.Select(pair => (pair.Key, pair.Value))], spec.Baseline.Seed, FakePresets.Named);

        Assert.Equal(spec.Baseline.Training, trial.Training);
        Assert.Equal(spec.Baseline.Model.Hidden, trial.Model.Hidden);
        Assert.Equal(spec.Baseline.Model with { Hidden = [], Trainable = [] }, trial.Model with { Hidden = [], Trainable = [] });
    }

    [Fact]
    public void ResolveTrial_ErrorsPointAtTheParameterLine() =>
        Assert.Equal($"{File}:10: search.parameters.training.lr: expected a number > 0, found -1",
            Assert.Throws<SpecException>(() =>
                SweepSpecReader.ResolveTrial(Read(Quickstart), [("training.lr", "-1")], 1, FakePresets.Named)).Message);

    [Fact]
    public void RandomSearch_ReadsDistributions()
    {
        var spec = Read(WithSearch("""
            search:
              strategy: random
              trials: 20
              parameters:
                training.lr: { log_uniform: [1e-5, 1e-1] }
                model.dropout: { uniform: [0, 0.5] }
                training.epochs: { int: [2, 8] }
                training.optimizer: { choice: [sgd, adam] }
                model.hidden: [[64], [128]]
            """));

        Assert.Equal(SearchStrategy.Random, spec.Search.Strategy);
        Assert.Equal(20, spec.Search.Trials);
        Assert.Equal<ParameterSpace>(
            [
                new LogUniformRange("training.lr", 11, 1e-5, 1e-1),
                new UniformRange("model.dropout", 12, 0, 0.5),
                new IntRange("training.epochs", 13, 2, 8),
            ],
            spec.Search.Parameters.Take(3));
        Assert.Equal(["sgd", "adam"], ((Choice)spec.Search.Parameters[3]).Values);
        Assert.IsType<ValueList>(spec.Search.Parameters[4]);
    }

    [Fact]
    public void NoSearchSection_SweepsNothing()
    {
        var spec = Read(WithSearch(""));

        Assert.Empty(spec.Search.Parameters);
        Assert.Empty(spec.BaselineValues);
    }

    [Theory]
    [InlineData("ofat-adaptive", SearchStrategy.OfatAdaptive)]
    [InlineData("ofat_adaptive", SearchStrategy.OfatAdaptive)]
    [InlineData("Grid", SearchStrategy.Grid)]
    public void Strategy_AcceptsAnySpelling(string written, SearchStrategy expected) =>
        Assert.Equal(expected, Read(WithSearch($"search: {{ strategy: {written} }}")).Search.Strategy);

    [Theory]
    [InlineData("search:\n  strategy: bayes\n", 8, "search.strategy: expected one of ofat, ofat-adaptive, grid, random, found 'bayes'")]
    [InlineData("search:\n  repeats: 0\n", 8, "search.repeats: expected 1 ≤ value ≤ 100, found 0")]
    [InlineData("search:\n  retries: 11\n", 8, "search.retries: expected 0 ≤ value ≤ 10, found 11")]
    [InlineData("search:\n  early_stopping: { policy: asha, reduction: 1 }\n", 8, "search.early_stopping.reduction: expected an integer ≥ 2, found 1")]
    [InlineData("search:\n  repeat: 3\n", 8, "search.repeat: unknown field 'repeat'; did you mean 'repeats'?")]
    [InlineData("search: [1]\n", 7, "search: expected a mapping of fields, found a list")]
    [InlineData("search:\n  parameters: [training.lr]\n", 8, "search.parameters: expected a mapping from parameter paths to values, found a list")]
    public void SearchFields_FailWithTheirLineAndField(string search, int line, string expected) =>
        Assert.Equal($"{File}:{line}: {expected}", Error(WithSearch(search)));

    [Theory]
    [InlineData("training.lerning_rate: [0.1]", "search.parameters.training.lerning_rate: unknown parameter 'training.lerning_rate'; did you mean 'training.lr'?")]
    [InlineData("model.hiden: [[64]]", "search.parameters.model.hiden: unknown parameter 'model.hiden'; did you mean 'model.hidden'?")]
    [InlineData("dataset.augmentation: [true]", "search.parameters.dataset.augmentation: unknown parameter 'dataset.augmentation'; did you mean 'dataset.augmentation.hue'?")]
    public void UnknownParameterPath_SuggestsTheNearest(string parameter, string expected) =>
        Assert.Equal($"{File}:9: {expected}", Error(WithSearch($"search:\n  parameters:\n    {parameter}\n")));

    [Theory]
    [InlineData("training.optimizer: [adam, sgdd]", "search.parameters.training.optimizer: expected one of sgd, adam, adamw, rmsprop, found 'sgdd'")]
    [InlineData("training.lr: [0.1, -1]", "search.parameters.training.lr: expected a number > 0, found -1")]
    [InlineData("model.hidden: [[64], [0]]", "search.parameters.model.hidden: expected an integer ≥ 1, found 0")]
    [InlineData("model.hidden: [64]", "search.parameters.model.hidden: expected a list of integers, found '64'")]
    [InlineData("model.trainable: [[head]]", "search.parameters.model.trainable: expected model.pretrained to be set as well; trainable layers only apply to a pretrained model")]
    [InlineData("model.preset: [tiny-mlp, huge]", "search.parameters.model.preset: expected one of two-conv, tiny-mlp, found 'huge'")]
    [InlineData("training.epochs: []", "search.parameters.training.epochs: expected at least one value, found an empty list")]
    [InlineData("training.lr: 0.1", "search.parameters.training.lr: expected a list of values or one of { uniform: [a, b] }, { log_uniform: [a, b] }, { int: [a, b] }, { choice: [...] }, found '0.1'")]
    public void ListedValueThatDoesNotBind_FailsAtLoadNamingItsLine(string parameter, string expected) =>
        Assert.Equal($"{File}:9: {expected}", Error(WithSearch($"search:\n  parameters:\n    {parameter}\n")));

    [Theory]
    [InlineData("training.lr: { uniform: [0.1, 0.01] }", "search.parameters.training.lr: expected low < high, found [0.1, 0.01]")]
    [InlineData("training.lr: { log_uniform: [0, 0.1] }", "search.parameters.training.lr: expected 0 < low < high, found [0, 0.1]")]
    [InlineData("model.dropout: { uniform: [0, 1.5] }", "search.parameters.model.dropout: expected 0 ≤ value < 1, found 1.5")]
    [InlineData("training.epochs: { int: [0, 5] }", "search.parameters.training.epochs: expected 1 ≤ value ≤ 10000, found 0")]
    [InlineData("training.epochs: { int: [5, 2] }", "search.parameters.training.epochs: expected low ≤ high, found [5, 2]")]
    [InlineData("training.epochs: { int: [1, many] }", "search.parameters.training.epochs: expected [low, high] with two integers, found [1, many]")]
    [InlineData("training.epochs: { uniform: [1, 9] }", "search.parameters.training.epochs: uniform draws real numbers but training.epochs takes an integer; use { int: [a, b] }")]
    [InlineData("training.lr: { int: [1, 9] }", "search.parameters.training.lr: int draws integers but training.lr takes any number; use { uniform: [a, b] } or { log_uniform: [a, b] }")]
    [InlineData("training.optimizer: { uniform: [1, 9] }", "search.parameters.training.optimizer: uniform draws numbers but training.optimizer does not take one; use { choice: [...] }")]
    [InlineData("training.optimizer: { choice: [sgd, adamx] }", "search.parameters.training.optimizer: expected one of sgd, adam, adamw, rmsprop, found 'adamx'")]
    [InlineData("training.lr: { normal: [0, 1] }", "search.parameters.training.lr: unknown distribution 'normal'; did you mean 'uniform'?")]
    public void Distributions_AreCheckedAtLoad(string parameter, string expected) =>
        Assert.Equal($"{File}:10: {expected}",
            Error(WithSearch($"search:\n  strategy: random\n  parameters:\n    {parameter}\n")));

    [Theory]
    [InlineData("grid")]
    [InlineData("ofat")]
    [InlineData("ofat-adaptive")]
    public void ListStrategies_RefuseDistributions(string strategy) =>
        Assert.Equal($"{File}:10: search.parameters.training.lr: expected a list of values: the {strategy} strategy steps through listed values; log_uniform is for random search",
            Error(WithSearch($"search:\n  strategy: {strategy}\n  parameters:\n    training.lr: {{ log_uniform: [1e-4, 1e-2] }}\n")));

    [Fact]
    public void MissingFile_IsOneLineError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-sweep-{Guid.NewGuid():N}.yaml");

        Assert.Equal($"{path}: file: not found",
            Assert.Throws<SpecException>(() => SweepSpecReader.Read(path, FakePresets.Named)).Message);
    }

    /// <summary>A sweep comparing schedules, optimizers, model kinds, datasets or budgets leaves the baseline's own
    /// settings to the trials that read them.</summary>
    [Theory]
    [InlineData("training: { schedule: step, step_size: 3, gamma: 0.5 }", "training.schedule: [cosine, constant]")]
    [InlineData("training: { optimizer: sgd, nesterov: true }", "training.optimizer: [adam]")]
    [InlineData("model: { kind: cnn, channels: 16, hidden: [32] }", "model.kind: [resnet]")]
    [InlineData("model: { conv_blocks: 2, growth: 1.5 }", "model.conv_blocks: [1]")]
    [InlineData("dataset: { name: image-folder, path: images, image_size: 64 }", "dataset.name: [fashion-mnist]")]
    [InlineData("training: { epochs: 10, patience: 3 }", "training.epochs: [3]")]
    public void SearchValuesThatLeaveABaselineFieldUnread_AreAccepted(string baseline, string parameter) =>
        Assert.Single(Read($"name: s\n{baseline}\nsearch:\n  strategy: ofat\n  parameters:\n    {parameter}\n").Search.Parameters);

    [Fact]
    public void ASearchValueForAFieldItsTrialDoesNotRead_IsRefusedAtItsLine() =>
        Assert.Equal($"{File}:6: search.parameters.training.step_size: expected training.schedule step to go with it, found schedule cosine, which does not use it",
            Error("name: s\ntraining: { schedule: cosine }\nsearch:\n  strategy: ofat\n  parameters:\n    training.step_size: [5]\n"));

    [Theory]
    [InlineData("strategy: grid\n  trials: 5", 4,
        "search.trials: expected search.strategy random to go with it, found strategy grid, which does not use it")]
    [InlineData("strategy: random\n  interactions: 2", 4,
        "search.interactions: expected search.strategy ofat or ofat-adaptive to go with it, found strategy random, which does not use it")]
    [InlineData("early_stopping: { grace_epochs: 2 }", 3,
        "search.early_stopping.grace_epochs: expected search.early_stopping.policy median or asha to go with it, found policy none, which does not use it")]
    [InlineData("early_stopping: { policy: median, reduction: 4 }", 3,
        "search.early_stopping.reduction: expected search.early_stopping.policy asha to go with it, found policy median, which does not use it")]
    [InlineData("early_stopping: { policy: asha, min_trials: 4 }", 3,
        "search.early_stopping.min_trials: expected search.early_stopping.policy median to go with it, found policy asha, which does not use it")]
    public void SearchFieldsTheStrategyOrPolicyDoesNotRead_AreRefusedAtTheirLine(string fields, int line, string expected) =>
        Assert.Equal($"{File}:{line}: {expected}",
            Error($"name: s\nsearch:\n  {fields}\n  parameters:\n    training.lr: [0.01, 0.1]\n"));
}
