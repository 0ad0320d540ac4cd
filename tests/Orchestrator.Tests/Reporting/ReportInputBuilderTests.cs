using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Tests.TestKit;
using Sweep.Reports.Model;
using ReportRoles = Sweep.Reports.Model.TrialRoles;
using ReportStates = Sweep.Reports.Model.TrialStates;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Reporting;

public class ReportInputBuilderTests
{
    private static readonly SweepSpec Spec = new SpecLoader().Read(SyntheticSpecs.Ofat(epochs: 2), SyntheticSpecs.Path);
    private static readonly IReadOnlyList<PlannedTrial> Plans = SweepPlanner.InitialPlan(Spec);
    private static readonly SweepRecord StoredSweep = new("sweep-7", "synthetic-ofat", SyntheticSpecs.Path, Spec.Text, "Ofat",
        "hash", T0);

    private static TrialRecord Record(int index, TrialState state, int startedMinute, int? finishedMinute = null,
        TrialResult? result = null, string? message = null) =>
        new(StoredSweep.Id, Plans[index], state, 1, null, null, T0.AddMinutes(startedMinute),
            finishedMinute is { } minute ? T0.AddMinutes(minute) : null, result, message);

    private static TrialResult WithHost(string host, double seconds, TestMetrics? test = null) =>
        Result() with { Environment = Result().Environment with { Host = host }, Seconds = seconds, Test = test };

    private static TestMetrics ThreeClasses() =>
        new(0.7, 0.68, 0.8, ["a", "b", "c"], [new ClassMetrics("a", 0.7, 0.7, 0.7, 10)],
            [[7, 2, 1], [1, 8, 1], [2, 2, 6]], []);

    [Fact]
    public void Trials_MapStateRoleChangesAndTheirOwnEpochs()
    {
        var trials = new[]
        {
            Record(0, TrialState.Completed, 1, 3, WithHost("host-b", 12.5, ThreeClasses()), "done"),
            Record(1, TrialState.Running, 2),
            Record(2, TrialState.Pending, 0) with { StartedAt = null },
        };
        var stored = new[]
        {
            new EpochRecord(0, Epoch(1, valAccuracy: 0.11)),
            new EpochRecord(1, Epoch(1, valAccuracy: 0.61)),
            new EpochRecord(1, Epoch(2, valAccuracy: 0.62)),
        };

        var input = ReportInputBuilder.Build(StoredSweep, Spec, trials, stored, "/runs/sweep-7", T0.AddMinutes(10));

        Assert.Equal([ReportStates.Completed, ReportStates.Running, ReportStates.Pending], input.Trials.Select(t => t.State));
        Assert.Equal([ReportRoles.Baseline, ReportRoles.SingleChange, ReportRoles.SingleChange],
            input.Trials.Select(t => t.Role));
        Assert.Empty(input.Trials[0].Changes);
        Assert.Equal(new ChangeInfo("training.lr", "0.0003", "0.001"), Assert.Single(input.Trials[1].Changes));
        Assert.Equal([0.8, 0.85], input.Trials[0].Epochs.Select(e => e.ValAccuracy));
        Assert.Equal([0.61, 0.62], input.Trials[1].Epochs.Select(e => e.ValAccuracy));
        Assert.Empty(input.Trials[2].Epochs);
        var baseline = input.Trials[0];
        Assert.Equal((2, 0.85, 12.5, "done", "host-b"),
            (baseline.BestEpoch!.Value, baseline.Objective!.Value, baseline.Seconds, baseline.Message, baseline.Host));
        Assert.Equal(["a", "b", "c"], baseline.Test!.ClassNames);
        Assert.Equal((Plans[1].Seed, Plans[1].ConfigKey, Plans[1].Repeat, Plans[1].Round),
            (input.Trials[1].Seed, input.Trials[1].ConfigKey, input.Trials[1].Repeat, input.Trials[1].Round));
        Assert.Null(input.Trials[1].Objective);
        Assert.Null(input.Trials[1].BestEpoch);
    }

    [Fact]
    public void SweepInfo_SpellsTheSpec_AndMeasuresAnUnfinishedSweepUpToNow()
    {
        var trials = new[]
        {
            Record(0, TrialState.Completed, 1, 3, WithHost("host-b", 12.5, ThreeClasses())),
            Record(1, TrialState.Completed, 2, 4, WithHost("host-a", 7.5)),
            Record(2, TrialState.Running, 4),
        };

        var info = ReportInputBuilder.Build(StoredSweep, Spec, trials, [], "/runs/sweep-7", T0.AddMinutes(10)).Sweep;

        Assert.Equal(("sweep-7", "synthetic-ofat", "ofat", "fashion-mnist", "val_accuracy", true),
            (info.Id, info.Name, info.Strategy, info.Dataset, info.ObjectiveMetric, info.Maximize));
        Assert.Equal(["host-a", "host-b"], info.Hosts);
        Assert.Equal((3, 1, 20.0, 540.0), (info.ClassCount, info.Repeats, info.ComputeSeconds, info.WallSeconds));
        Assert.Equal(["training.lr"], info.ParameterPaths);
        Assert.Equal("0.001", info.BaselineValues["training.lr"]);
        Assert.Equal(T0, info.CreatedAt);
        Assert.Contains($"sweep run {SyntheticSpecs.Path}", info.ReproduceCommand);
        Assert.Contains("sweep train --from /runs/sweep-7 --trial N", info.ReproduceCommand);
    }

    [Fact]
    public void SweepInfo_OfAFinishedSweep_EndsAtItsLastFinish_AndDefaultsToTenClasses()
    {
        var trials = new[]
        {
            Record(0, TrialState.Completed, 1, 3, WithHost("host-a", 1)),
            Record(1, TrialState.Failed, 2, 6, message: "boom"),
            Record(2, TrialState.Pruned, 3, 5, WithHost("host-a", 1)),
        };

        var input = ReportInputBuilder.Build(StoredSweep, Spec, trials, [], "/runs/sweep-7", T0.AddHours(5));

        Assert.Equal(300.0, input.Sweep.WallSeconds);
        Assert.Equal(10, input.Sweep.ClassCount);
        Assert.Equal(["host-a"], input.Sweep.Hosts);
        Assert.Equal(("failed", "boom", 0.0), (input.Trials[1].State, input.Trials[1].Message, input.Trials[1].Seconds));
    }

    [Fact]
    public void SweepInfo_OfASweepWithNoTrialStarted_CountsFromItsCreation()
    {
        var trials = new[] { Record(0, TrialState.Pending, 0) with { StartedAt = null } };

        var info = ReportInputBuilder.Build(StoredSweep, Spec, trials, [], "/runs/sweep-7", T0.AddMinutes(2)).Sweep;

        Assert.Equal(120.0, info.WallSeconds);
        Assert.Empty(info.Hosts);
    }

    [Fact]
    public void Decisions_ReachTheReportAsRecorded()
    {
        var judged = new JudgedConfiguration(
            new MeasuredConfiguration("training.lr=0.0003", [new ParameterChange("training.lr", "0.0003", "0.001")], 0.84, 0.01, 2),
            0.03, new Sweep.Reports.Analysis.NoiseJudgement(Sweep.Reports.Analysis.EffectVerdict.WithinNoise, 0.014, 2, 0.061));
        var decision = new SearchDecision("round-0", DecisionKinds.AdaptiveRound, 0, [],
            new MeasuredConfiguration("baseline", [], 0.81, 0.01, 2), [judged], [], AdaptiveStopReason.NoImprovement);

        var input = ReportInputBuilder.Build(StoredSweep, Spec, [], [], "/runs/sweep-7", T0, [decision]);

        var shown = Assert.Single(input.SearchDecisions);
        Assert.Equal((DecisionKinds.AdaptiveRound, 0, "NoImprovement"), (shown.Kind, shown.Round, shown.StopReason));
        Assert.Equal((0.81, 2), (shown.Reference!.Mean, shown.Reference.Count));
        var candidate = Assert.Single(shown.Candidates);
        Assert.Equal(new ChangeInfo("training.lr", "0.0003", "0.001"), Assert.Single(candidate.Measured.Changes));
        Assert.Equal((0.03, 0.061), (candidate.Gain, candidate.Noise.HalfWidth));
    }

    [Fact]
    public void Trials_CarryTheirStoredDecisionsPlannedEpochsAndFinishTime()
    {
        var trials = new[]
        {
            Record(0, TrialState.Pruned, 1, 3, WithHost("host-a", 1), "pruned at epoch 1: not promoted"),
            Record(1, TrialState.Running, 2),
        };
        var stored = new[]
        {
            new EpochRecord(0, Epoch(1, valAccuracy: 0.5), new StopDecision(StopAction.Pause, "objective 0.5 at rung 1: waits")),
            new EpochRecord(1, Epoch(1, valAccuracy: 0.6), new StopDecision(StopAction.Promoted, "promoted from rung 1")),
            new EpochRecord(1, Epoch(2, valAccuracy: 0.7)),
        };

        var input = ReportInputBuilder.Build(StoredSweep, Spec, trials, stored, "/runs/sweep-7", T0.AddMinutes(10));

        Assert.Equal([new StopDecisionInfo(1, StopActions.Pause, "objective 0.5 at rung 1: waits")], input.Trials[0].Decisions);
        Assert.Equal([new StopDecisionInfo(1, StopActions.Promoted, "promoted from rung 1")], input.Trials[1].Decisions);
        Assert.Equal([2, 2], input.Trials.Select(t => t.PlannedEpochs!.Value));
        Assert.Equal(T0.AddMinutes(3), input.Trials[0].FinishedAt);
        Assert.Null(input.Trials[1].FinishedAt);
        Assert.Equal(EarlyStoppingPolicies.None, input.Sweep.EarlyStopping.Policy);
    }

    [Fact]
    public void SweepInfo_PassesTheEarlyStoppingPolicyAndEachParametersDistribution()
    {
        var spec = new SpecLoader().Read(SyntheticSpecs.Ofat(epochs: 9, lrValues: "[0.0003, 0.003]",
            extraSearch: "  early_stopping: { policy: asha, grace_epochs: 1, reduction: 3 }"), SyntheticSpecs.Path);
        var random = new SpecLoader().Read(SyntheticSpecs.Ofat().Replace("strategy: ofat", "strategy: random")
            .Replace("training.lr: [0.0003, 0.003]", "training.lr: { log_uniform: [0.0001, 0.01] }\n    training.weight_decay: { uniform: [0.0, 0.1] }"),
            SyntheticSpecs.Path);

        var asha = ReportInputBuilder.Build(StoredSweep, spec, [], [], "/runs/sweep-7", T0).Sweep;
        var searched = ReportInputBuilder.Build(StoredSweep, random, [], [], "/runs/sweep-7", T0).Sweep;

        Assert.Equal(new EarlyStoppingInfo(EarlyStoppingPolicies.Asha, 1, 3, 3), asha.EarlyStopping);
        Assert.Equal([new SearchParameterInfo("training.lr", ParameterDistribution.Values)], asha.Parameters);
        Assert.Equal([new SearchParameterInfo("training.lr", ParameterDistribution.LogUniform, 0.0001, 0.01),
            new SearchParameterInfo("training.weight_decay", ParameterDistribution.Uniform, 0.0, 0.1)], searched.Parameters);
    }

    [Fact]
    public void PlannedEpochs_FollowATrialsOwnChangeOfTrainingEpochs()
    {
        var spec = new SpecLoader().Read(SyntheticSpecs.Ofat(epochs: 4).Replace("training.lr: [0.0003, 0.003]", "training.epochs: [2, 6]"),
            SyntheticSpecs.Path);
        var plans = SweepPlanner.InitialPlan(spec);
        var trials = plans.Select(p => new TrialRecord(StoredSweep.Id, p, TrialState.Pending, 0, null, null, null, null, null, null)).ToList();

        var input = ReportInputBuilder.Build(StoredSweep with { SpecText = spec.Text }, spec, trials, [], "/runs/sweep-7", T0);

        Assert.Equal([4, 2, 6], input.Trials.Select(t => t.PlannedEpochs!.Value));
    }
}
