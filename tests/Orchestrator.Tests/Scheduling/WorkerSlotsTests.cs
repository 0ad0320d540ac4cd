using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.TestKit;

namespace Sweep.Orchestrator.Tests.Scheduling;

public class WorkerSlotsTests
{
    private const int Epochs = 3;

    [Fact]
    public async Task TwentyTrialSweep_OnFourSlots_CompletesEveryTrialWithItsEpochs()
    {
        var (id, store, spec) = await CreateAsync(secondsPerEpoch: 0);
        var board = new ProgressBoard();

        using (var host = SlotHosts.Build(id, store, slots: 4, new SyntheticTrialExecutor(TimeProvider.System), board))
            await SlotHosts.RunToCompletionAsync(host);

        var trials = await store.GetTrialsAsync(id);
        Assert.Equal(20, trials.Count);
        Assert.All(trials, trial => Assert.Equal((TrialState.Completed, 1), (trial.State, trial.Attempts)));
        Assert.All(trials, trial => Assert.Equal(Epochs, trial.Result!.Epochs.Count));
        var loader = new SpecLoader();
        foreach (var trial in trials)
        {
            var stored = (await store.GetEpochsAsync(id, trial.Index)).Select(e => e.Metrics).ToList();
            var expected = Enumerable.Range(1, Epochs)
                .Select(epoch => SyntheticCurve.At(loader.Resolve(spec, trial.Plan), epoch)).ToList();
            Assert.Equal(expected, stored);
            Assert.Equal(expected.Max(e => e.ValAccuracy), trial.Result!.BestObjective);
        }
        Assert.Empty(board.Running);
    }

    [Fact]
    public async Task StoppingTheHost_MidSweep_ReleasesRunningTrialsToPending_AndANewHostFinishesThem()
    {
        var (id, store, _) = await CreateAsync(secondsPerEpoch: 0.001);
        // Trials 0–5 complete; 6–9 then fill the four slots and are held after their first epoch.
        var holding = new HoldingExecutor(new SyntheticTrialExecutor(TimeProvider.System), firstHeld: 6, expected: 4);

        using (var host = SlotHosts.Build(id, store, slots: 4, holding))
        {
            await host.StartAsync();
            await holding.AllHeld.WaitAsync(SlotHosts.HangGuard);
            await host.StopAsync();
        }
        var stopped = await store.GetTrialsAsync(id);
        var epochsAtStop = (await store.GetEpochsAsync(id)).ToLookup(e => e.TrialIndex);

        Assert.All(stopped.Take(6), trial => Assert.Equal(TrialState.Completed, trial.State));
        Assert.All(stopped.Skip(6).Take(4), trial =>
        {
            Assert.Equal((TrialState.Pending, 1, "stopped before the end", null),
                (trial.State, trial.Attempts, trial.Message, trial.LeaseOwner));
            Assert.Equal([1], epochsAtStop[trial.Index].Select(e => e.Metrics.Epoch));
        });
        Assert.All(stopped.Skip(10), trial => Assert.Equal((TrialState.Pending, 0), (trial.State, trial.Attempts)));

        using (var host = SlotHosts.Build(id, store, slots: 4, new SyntheticTrialExecutor(TimeProvider.System)))
            await SlotHosts.RunToCompletionAsync(host);
        var finished = await store.GetTrialsAsync(id);

        Assert.All(finished, trial => Assert.Equal(TrialState.Completed, trial.State));
        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], finished.Select(t => t.Attempts));
        Assert.All((await store.GetEpochsAsync(id)).GroupBy(e => e.TrialIndex),
            epochs => Assert.Equal([1, 2, 3], epochs.Select(e => e.Metrics.Epoch)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Asha_OnAnySlotCount_TrainsTheBestTrialToTheEnd_ForAFractionOfTheEpochs_AndLeavesNothingPaused(int slots)
    {
        const int epochs = 9;
        var (id, store, spec) = await CreateAsync(secondsPerEpoch: 0, epochs,
            "{ policy: asha, grace_epochs: 1, reduction: 3 }");

        using (var host = SlotHosts.Build(id, store, slots, new SyntheticTrialExecutor(TimeProvider.System)))
            await SlotHosts.RunToCompletionAsync(host);

        var trials = await store.GetTrialsAsync(id);
        var loader = new SpecLoader();
        var bestInFull = trials.MaxBy(t => Enumerable.Range(1, epochs)
            .Max(epoch => SyntheticCurve.At(loader.Resolve(spec, t.Plan), epoch).ValAccuracy))!.Index;
        var stored = (await store.GetEpochsAsync(id)).ToLookup(e => e.TrialIndex);
        var epochsRun = stored.Sum(group => group.Count());
        Assert.All(trials, trial => Assert.True(trial.State is TrialState.Completed or TrialState.Pruned, $"{trial.State}"));
        Assert.Equal(TrialState.Completed, trials[bestInFull].State);
        Assert.Equal(epochs, trials[bestInFull].Result!.Epochs.Count);
        // Synchronous successive halving would train 20 × 1 + 6 × 2 + 2 × 6 = 44 of the 180 epochs.
        Assert.InRange(epochsRun, 44, 180 * 0.35);
        Assert.All(trials.Where(t => t.State == TrialState.Pruned), trial =>
            Assert.Equal(stored[trial.Index].Count(), trial.Result!.Epochs.Count));
    }

    private static async Task<(string Id, InMemorySweepStore Store, SweepSpec Spec)> CreateAsync(double secondsPerEpoch,
        int epochs = Epochs, string earlyStopping = "{ policy: none }")
    {
        var id = TestSweeps.NewId("slots");
        var store = new InMemorySweepStore();
        var spec = await TestSweeps.CreateAsync(store, id, SyntheticSpecs.Grid20(epochs, secondsPerEpoch, earlyStopping),
            TimeProvider.System.GetUtcNow());
        return (id, store, spec);
    }
}
