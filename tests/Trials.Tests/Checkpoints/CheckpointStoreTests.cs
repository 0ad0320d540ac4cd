using Sweep.Trials.Checkpoints;
using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private const string Trial = "trial-a";
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
        _store.Save(1, Trial, """{"best_epoch":1}""", original, originalOptimizer);
        TinyModel.Train(original, originalOptimizer, steps: 3);

        using var resumed = TinyModel.Create();
        using var resumedOptimizer = OptimizerFactory.Create(spec, resumed.parameters());
        var load = _store.LoadLatest(resumed, resumedOptimizer, Trial);
        TinyModel.Train(resumed, resumedOptimizer, steps: 3);

        Assert.NotNull(load.Checkpoint);
        Assert.Equal((1, """{"best_epoch":1}"""), (load.Checkpoint.Epoch, load.Checkpoint.MetadataJson));
        Assert.Empty(load.Skipped);
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
        _store.Save(1, Trial, "{}", original, originalOptimizer);
        TinyModel.Train(original, originalOptimizer, steps: 3);

        using var resumed = TinyModel.Create();
        using var discardedOptimizer = OptimizerFactory.Create(spec, resumed.parameters());
        _store.LoadLatest(resumed, discardedOptimizer, Trial);
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
            _store.Save(epoch, Trial, "{}", model, optimizer);

        var tag = CheckpointStore.TagOf(CheckpointStore.Standalone);
        Assert.Equal([$"epoch-0003.{tag}.ckpt", $"epoch-0004.{tag}.ckpt"], FileNames());
    }

    [Fact]
    public void LoadLatest_SkipsADamagedNewestFile_AndSaysWhich()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "one", model, optimizer);
        _store.Save(2, Trial, "two", model, optimizer);
        var newest = Newest();
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(newest, bytes);

        var load = _store.LoadLatest(model, optimizer, Trial);

        Assert.Equal((1, "one"), (load.Checkpoint!.Epoch, load.Checkpoint.MetadataJson));
        Assert.Equal($"skipped {newest}: checksum: the content's SHA-256 does not match the stored one",
            Assert.Single(load.Skipped));
    }

    [Fact]
    public void LoadLatest_SkipsATruncatedNewestFile()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "one", model, optimizer);
        _store.Save(2, Trial, "two", model, optimizer);
        var newest = Newest();
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..^100]);

        var load = _store.LoadLatest(model, optimizer, Trial);

        Assert.Equal(1, load.Checkpoint!.Epoch);
        Assert.Contains(": length: truncated", Assert.Single(load.Skipped));
    }

    [Fact]
    public void LoadLatest_WhenNoFileVerifies_FindsNothing_AndNamesEveryFileSkipped()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "one", model, optimizer);
        File.WriteAllBytes(Newest(), [1, 2, 3]);

        var load = _store.LoadLatest(model, optimizer, Trial);

        Assert.Null(load.Checkpoint);
        Assert.Contains("header: truncated", Assert.Single(load.Skipped));
    }

    [Fact]
    public void LoadLatest_FindsNothingWithoutCheckpoints()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());

        var load = _store.LoadLatest(model, optimizer, Trial);

        Assert.Null(load.Checkpoint);
        Assert.Empty(load.Skipped);
    }

    [Fact]
    public void LoadLatest_OutsideASweep_RefusesAnotherTrialsCheckpoint()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, "trial-b", "{}", model, optimizer);

        var error = Assert.Throws<CheckpointException>(() => _store.LoadLatest(model, optimizer, Trial));

        Assert.Equal("trial", error.Field);
        Assert.Contains("another trial", error.Message);
    }

    [Fact]
    public void TwoWritersOfOneTrial_NeverRemoveEachOthersFiles_AndOnlyAnAcceptedOneIsRestored()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        var stale = new CheckpointStore(_directory, "host-a/slot0/lease-1");
        var current = new CheckpointStore(_directory, "host-b/slot0/lease-2");
        for (var epoch = 1; epoch <= 3; epoch++)
            current.Save(epoch, Trial, $"current {epoch}", model, optimizer);
        // The stale holder runs ahead, writing epochs the store never accepted from it.
        for (var epoch = 3; epoch <= 5; epoch++)
            stale.Save(epoch, Trial, $"stale {epoch}", model, optimizer);
        // A half-written file of the current holder, as a kill during its next save leaves it.
        var halfWritten = Path.Combine(_directory, $"epoch-0004.{CheckpointStore.TagOf("host-b/slot0/lease-2")}.ckpt.0123.tmp");
        File.WriteAllBytes(halfWritten, [1, 2]);
        stale.Save(6, Trial, "stale 6", model, optimizer);

        var accepted = new[] { new CheckpointRef(2, "host-b/slot0/lease-2"), new CheckpointRef(3, "host-b/slot0/lease-2") };
        var load = new CheckpointStore(_directory, "host-c/slot1/lease-3").LoadLatest(model, optimizer, Trial, accepted);

        Assert.Equal((3, "current 3"), (load.Checkpoint!.Epoch, load.Checkpoint.MetadataJson));
        Assert.True(File.Exists(halfWritten));
        Assert.Equal(4, FileNames().Count(name => name.EndsWith(".ckpt", StringComparison.Ordinal)));
    }

    [Fact]
    public void TemporaryFiles_AreNeverTakenForCheckpoints_AndAWritersOwnAreCleanedUp()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "one", model, optimizer);
        var tag = CheckpointStore.TagOf(CheckpointStore.Standalone);
        File.WriteAllBytes(Path.Combine(_directory, $"epoch-0002.{tag}.ckpt.abc.tmp"), [1, 2, 3]);

        var load = _store.LoadLatest(model, optimizer, Trial);
        _store.Save(2, Trial, "two", model, optimizer);
        _store.Save(3, Trial, "three", model, optimizer);

        Assert.Equal(1, load.Checkpoint?.Epoch);
        Assert.Empty(load.Skipped);
        Assert.Equal([$"epoch-0002.{tag}.ckpt", $"epoch-0003.{tag}.ckpt"], FileNames());
    }

    [Fact]
    public void Save_RemovesThisWritersCheckpointsOfLaterEpochsFromAReplacedRun()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(4, Trial, "old run", model, optimizer);
        _store.Save(5, Trial, "old run", model, optimizer);

        _store.Save(1, Trial, "new run", model, optimizer);

        Assert.Equal([$"epoch-0001.{CheckpointStore.TagOf(CheckpointStore.Standalone)}.ckpt"], FileNames());
    }

    [Fact]
    public void LoadLatest_RejectsADifferentModel()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "{}", model, optimizer);
        using var other = nn.Sequential(("fc1", nn.Linear(4, 5)));
        using var otherOptimizer = OptimizerFactory.Create(new TrainingSpec(), other.parameters());

        var error = Assert.Throws<CheckpointException>(() => _store.LoadLatest(other, otherOptimizer, Trial));

        Assert.Equal("model", error.Field);
    }

    [Fact]
    public void Delete_RemovesTheDirectory()
    {
        using var model = TinyModel.Create();
        using var optimizer = OptimizerFactory.Create(new TrainingSpec(), model.parameters());
        _store.Save(1, Trial, "{}", model, optimizer);

        _store.Delete();

        Assert.False(Directory.Exists(_directory));
    }

    private string Newest() => Path.Combine(_directory, FileNames().Last());

    private string[] FileNames() =>
        Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
