using Sweep.Trials.Checkpoints;
using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sweep-checkpoints-" + Guid.NewGuid());
    private readonly CheckpointStore _store;

    public CheckpointStoreTests() => _store = new CheckpointStore(_directory);

    public void Dispose() => _store.Delete();

    [Theory]
    [InlineData(OptimizerKind.Adam, false)]
    [InlineData(OptimizerKind.Sgd, true)]
    [InlineData(OptimizerKind.Rmsprop, false)]
    public void Resume_ContinuesBitForBit(OptimizerKind kind, bool nesterov)
    {
        var spec = new TrainingSpec { Optimizer = kind, Nesterov = nesterov, Lr = 0.05 };
        using var original = TinyModel.Create();
        using var originalOptimizer = OptimizerFactory.Create(spec, original.parameters());
        TinyModel.Train(original, originalOptimizer, steps: 3);
        _store.Save(1, """{"best_epoch":1}""", original, originalOptimizer);
        TinyModel.Train(original, originalOptimizer, steps: 3);

        using var resumed = TinyModel.Create();
        using var resumedOptimizer = OptimizerFactory.Create(spec, resumed.parameters());
        var loaded = _store.LoadLatest(resumed, resumedOptimizer);
        TinyModel.Train(resumed, resumedOptimizer, steps: 3);

        Assert.NotNull(loaded);
        Assert.Equal((1, """{"best_epoch":1}"""), (loaded.Epoch, loaded.MetadataJson));
        Assert.Empty(loaded.Warnings);
        Assert.Equal(TinyModel.StateBits(original), TinyModel.StateBits(resumed));
    }

    [Fact]
    public void Resume_WithoutOptimizerState_WouldDiverge()
    {
        // Shows the round trip above depends on the optimizer state, not only on the weights.
        var spec = new TrainingSpec { Optimizer = OptimizerKind.Adam, Lr = 0.05 };
        using var original = TinyModel.Create();
        using var originalOptimizer = OptimizerFactory.Create(spec, original.parameters());
        TinyModel.Train(original, originalOptimizer, steps: 3);
        _store.Save(1, "{}", original, originalOptimizer);
        TinyModel.Train(original, originalOptimizer, steps: 3);

        using var resumed = TinyModel.Create();
        using var discardedOptimizer = OptimizerFactory.Create(spec, resumed.parameters());
        _store.LoadLatest(resumed, discardedOptimizer);
        using var freshOptimizer = OptimizerFactory.Create(spec, resumed.parameters());
        TinyModel.Train(resumed, freshOptimizer, steps: 3);

        Assert.NotEqual(TinyModel.StateBits(original), TinyModel.StateBits(resumed));
    }

    [Fact]
    public void Save_KeepsTheLastTwoFilesUnderFinalNames()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());

        for (var epoch = 1; epoch <= 4; epoch++)
            _store.Save(epoch, "{}", model, optimizer);

        Assert.Equal(["epoch-0003.ckpt", "epoch-0004.ckpt"], FileNames());
    }

    [Fact]
    public void LoadLatest_SkipsADamagedNewestFile()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "one", model, optimizer);
        _store.Save(2, "two", model, optimizer);
        var newest = Path.Combine(_directory, "epoch-0002.ckpt");
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(newest, bytes);

        var loaded = _store.LoadLatest(model, optimizer);

        Assert.NotNull(loaded);
        Assert.Equal((1, "one"), (loaded.Epoch, loaded.MetadataJson));
        var warning = Assert.Single(loaded.Warnings);
        Assert.Contains("epoch-0002.ckpt: checksum:", warning);
    }

    [Fact]
    public void LoadLatest_SkipsATruncatedNewestFile()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "one", model, optimizer);
        _store.Save(2, "two", model, optimizer);
        var newest = Path.Combine(_directory, "epoch-0002.ckpt");
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..^100]);

        var loaded = _store.LoadLatest(model, optimizer);

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Epoch);
        Assert.Contains("epoch-0002.ckpt: length: truncated", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void LoadLatest_FailsWhenNoFileVerifies()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, "epoch-0001.ckpt"), [1, 2, 3]);
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());

        var error = Assert.Throws<CheckpointException>(() => _store.LoadLatest(model, optimizer));

        Assert.Equal("checkpoints", error.Field);
        Assert.Contains("epoch-0001.ckpt: header: truncated", error.Message);
    }

    [Fact]
    public void LoadLatest_IsNullWithoutCheckpoints()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());

        Assert.Null(_store.LoadLatest(model, optimizer));
    }

    [Fact]
    public void TemporaryFiles_AreNeverTakenForCheckpointsAndAreCleanedUp()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "one", model, optimizer);
        // What a crash in the middle of writing epoch 2 leaves behind.
        File.WriteAllBytes(Path.Combine(_directory, "epoch-0002.ckpt.tmp"), [1, 2, 3]);

        var loaded = _store.LoadLatest(model, optimizer);
        _store.Save(2, "two", model, optimizer);
        _store.Save(3, "three", model, optimizer);

        Assert.Equal(1, loaded?.Epoch);
        Assert.Empty(loaded!.Warnings);
        Assert.Equal(["epoch-0002.ckpt", "epoch-0003.ckpt"], FileNames());
    }

    [Fact]
    public void Save_RemovesCheckpointsOfLaterEpochsFromAReplacedRun()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(4, "old run", model, optimizer);
        _store.Save(5, "old run", model, optimizer);

        _store.Save(1, "new run", model, optimizer);

        Assert.Equal(["epoch-0001.ckpt"], FileNames());
    }

    [Fact]
    public void LoadLatest_RejectsADifferentModel()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "{}", model, optimizer);
        using var other = nn.Sequential(("fc1", nn.Linear(4, 5)));
        using var otherOptimizer = OptimizerFactory.Create(new TrainingSpec(), other.parameters());

        var error = Assert.Throws<CheckpointException>(() => _store.LoadLatest(other, otherOptimizer));

        Assert.Equal("model", error.Field);
    }

    [Fact]
    public void Delete_RemovesTheDirectory()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "{}", model, optimizer);

        _store.Delete();

        Assert.False(Directory.Exists(_directory));
    }

    private string[] FileNames() =>
        Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
