using Sweep.Reports.Model;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Analysis;

/// <summary>Small hand-made trials for analysis tests.</summary>
internal static class Trials
{
    public static TrialInfo Make(int index, string configKey, double? objective, string role = TrialRoles.SingleChange,
        ChangeInfo[]? changes = null, int repeat = 0, string state = TrialStates.Completed, IReadOnlyList<EpochInfo>? epochs = null,
        int round = 0, SanityInfo? sanity = null) =>
        new(index, state, role, changes ?? [], repeat, 1 + repeat, configKey, round, epochs ?? [], null, objective, null, sanity,
            null, 1, null, null, null);

    public static TrialInfo Baseline(int index, double objective, int repeat = 0, IReadOnlyList<EpochInfo>? epochs = null) =>
        Make(index, "baseline", objective, TrialRoles.Baseline, repeat: repeat, epochs: epochs);

    public static SweepInfo Sweep(string strategy = "adaptive") => new("id", "n", strategy, "d", "val_accuracy", true,
        DateTimeOffset.UnixEpoch, 1, 1, [], "cmd", 1, [], new Dictionary<string, string>(), 10, EarlyStoppingInfo.None);

    public static ChangeInfo Change(string path, string value, string baseline = "0") => new(path, value, baseline);

    public static IReadOnlyList<EpochInfo> Curve(CurveShape shape, int seed = 1) => SyntheticCurves.Generate(shape, seed);

    /// <summary>Epochs with constant accuracies, for placing a trial exactly.</summary>
    public static IReadOnlyList<EpochInfo> Flat(int epochs, double trainAccuracy, double valAccuracy) =>
        Enumerable.Range(1, epochs).Select(e => new EpochInfo(e, 0.5, trainAccuracy, 0.6, valAccuracy, 1e-3, 1, 0.5, trainAccuracy)).ToList();
}
