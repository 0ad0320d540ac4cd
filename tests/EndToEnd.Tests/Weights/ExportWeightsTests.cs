using System.Collections;
using Sweep.EndToEnd.Tests.Hostile;
using Sweep.Trials.Models;
using TorchSharp.PyBridge;

namespace Sweep.EndToEnd.Tests.Weights;

/// <summary><c>sweep export-weights</c> on a real two-trial sweep: the file it writes and the mistakes it refuses,
/// each with one line and no file left behind. (That torchvision loads an export and gives Sweep's logits is
/// ExportRoundTripTests, in Trials.Tests.)</summary>
public sealed class ExportWeightsTests : IClassFixture<ExportWeightsTests.TwoTrialSweep>
{
    private readonly TwoTrialSweep sweep;
    private readonly string outputFolder;

    public ExportWeightsTests(TwoTrialSweep sweep)
    {
        this.sweep = sweep;
        outputFolder = Directory.CreateDirectory(Path.Combine(sweep.Work, Guid.NewGuid().ToString("N"))).FullName;
    }

    private Task<ProgramRun> ExportAsync(params string[] args) =>
        SweepProgram.RunAsync(outputFolder, ["export-weights", sweep.Directory, .. args]);

    [Fact]
    public async Task Pytorch_WritesTheBestWeightsAsAStateDictUnderTheirNames()
    {
        var run = await ExportAsync("--trial", "0", "-o", "best.pth");

        Refusals.AssertSucceeded(run);
        var exported = Path.Combine(outputFolder, "best.pth");
        Assert.Equal(exported, run.Output.Trim());
        using var stream = File.OpenRead(exported);
        var written = PyTorchUnpickler.UnpickleStateDict(stream).Cast<DictionaryEntry>().Select(entry => (string)entry.Key);
        var saved = SweepWeightsExport.Read(Path.Combine(sweep.Directory, "trials", "0000", "best-model.pt"));
        Assert.Equal(saved.Keys.Order(), written.Order());
        Assert.Equal(["best.pth"], Directory.GetFileSystemEntries(outputFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Sweep_DefaultName_IsTheTrialsOwnFile()
    {
        var run = await ExportAsync("--trial", "0", "--format", "sweep");

        Refusals.AssertSucceeded(run);
        Assert.Equal(File.ReadAllBytes(Path.Combine(sweep.Directory, "trials", "0000", "best-model.pt")),
            File.ReadAllBytes(Path.Combine(outputFolder, "trial-0000.pt")));
    }

    [Fact]
    public async Task MissingSweepDirectory_IsOneLine()
    {
        var missing = Path.Combine(sweep.Work, "no-such-sweep");

        var run = await SweepProgram.RunAsync(outputFolder, "export-weights", missing, "--trial", "0");

        Assert.Equal($"{missing}: expected a sweep directory, found nothing there", Refusals.AssertOneLine(run));
        Assert.Empty(Directory.GetFileSystemEntries(outputFolder));
    }

    [Fact]
    public async Task TrialNotInTheSweep_NamesTheTrialsThereAre()
    {
        var run = await ExportAsync("--trial", "7");

        Assert.Equal($"{sweep.Directory}: --trial: expected the index of one of the sweep's 2 trials (0 to 1), got 7",
            Refusals.AssertOneLine(run));
        Assert.Empty(Directory.GetFileSystemEntries(outputFolder));
    }

    [Fact]
    public async Task TrialWithoutSavedWeights_NamesTheFileItLookedFor()
    {
        var run = await ExportAsync("--trial", "1");

        Assert.Equal($"{sweep.RemovedWeights}: --trial 1: expected the trial's best weights, found no file (the trial is "
            + "completed and has saved no best epoch here)", Refusals.AssertOneLine(run));
        Assert.Empty(Directory.GetFileSystemEntries(outputFolder));
    }

    [Fact]
    public async Task ExistingOutputFile_IsKeptAsItWas()
    {
        var existing = Path.Combine(outputFolder, "taken.pth");
        File.WriteAllText(existing, "mine");

        var run = await ExportAsync("--trial", "0", "-o", existing);

        Assert.Equal($"{existing}: -o: expected a new file, found one already there; remove it or name another",
            Refusals.AssertOneLine(run));
        Assert.Equal("mine", File.ReadAllText(existing));
        Assert.Equal(["taken.pth"], Directory.GetFileSystemEntries(outputFolder).Select(Path.GetFileName));
    }

    /// <summary>Two one-epoch trials of a small CNN; trial 1's best weights are then removed, as if it had saved none.</summary>
    public sealed class TwoTrialSweep : IAsyncLifetime
    {
        public string Work { get; } = TestSpecs.NewWorkDirectory("weights");
        public string Directory { get; private set; } = "";
        public string RemovedWeights => Path.Combine(Directory, "trials", "0001", "best-model.pt");

        public async Task InitializeAsync()
        {
            var spec = TestSpecs.Write(Work, "weights.yaml", """
                name: e2e-weights
                seed: 3
                dataset: { name: fashion-mnist, train_subset: 300, test_subset: 100 }
                model: { preset: two-conv, channels: 4, hidden: [16] }
                training: { epochs: 1, batch_size: 64 }
                search:
                  strategy: ofat
                  parameters:
                    training.lr: [0.003]
                """);
            var run = await SweepProgram.RunAsync(Work, "run", spec, "--out", "runs", "--slots", "1");
            Refusals.AssertSucceeded(run);
            Directory = SweepResults.SingleSweepDirectory(Path.Combine(Work, "runs"));
            File.Delete(RemovedWeights);
        }

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(Work, recursive: true);
            return Task.CompletedTask;
        }
    }
}
