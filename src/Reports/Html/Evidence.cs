using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

/// <summary>The numbers behind a diagnosis and the sweep's own evidence for a remedy, as sentences.</summary>
public static class Evidence
{
    public static string Describe(CurveDiagnosis d, DiagnosisThresholds t, int epochs) => d.Kind switch
    {
        DiagnosisKind.Diverged => d.NonFiniteEpoch is { } epoch
            ? $"loss became NaN or infinite at epoch {epoch}"
            : "the trial was stopped as diverged",
        DiagnosisKind.Unstable =>
            $"training loss jumped by more than {Percent(t.UnstableJumpFraction, "0")} in {d.LossJumps} epochs (limit {t.UnstableMinJumps - 1})",
        DiagnosisKind.Overfitting =>
            $"validation loss lowest at epoch {d.OnsetEpoch}, then rose {Percent(d.ValidationLossRise)} while training loss kept falling; final gap {Points(d.FinalGap)} points",
        DiagnosisKind.HighVariance =>
            $"final gap {Points(d.FinalGap)} points (limit {Points(t.HighVarianceGap)}); training error {Percent(d.FinalTrainError)}",
        DiagnosisKind.HighBias =>
            $"training error {Percent(d.FinalTrainError)} (limit {Percent(t.HighBiasTrainError, "0")}); training loss {(d.TrainLossStillFalling == true ? "still falling" : "flat")} at the end",
        DiagnosisKind.Healthy =>
            $"training error {Percent(d.FinalTrainError)}, gap {Points(d.FinalGap)} points, validation loss {Percent(d.ValidationLossRise)} above its minimum",
        DiagnosisKind.TrainingErrorNotMeasured =>
            "recorded before training error was measured in eval mode; the running mean over an epoch in train mode says nothing of bias or variance",
        _ when epochs >= t.MinEpochs => $"still training: training error {Percent(d.FinalTrainError)} after {Plural(epochs, "epoch")} may yet fall",
        _ => $"{Plural(epochs, "epoch")} so far; {t.MinEpochs} needed to read a trend",
    };

    /// <summary>The rule that gives a diagnosis, with its thresholds: the same for every trial with it.</summary>
    public static string Rule(DiagnosisKind kind, DiagnosisThresholds t) => kind switch
    {
        DiagnosisKind.Diverged => "a loss became NaN or infinite, or the trial was stopped as diverged.",
        DiagnosisKind.Unstable => $"training loss rose by more than {Percent(t.UnstableJumpFraction, "0")} from one epoch to the next in at least {t.UnstableMinJumps} epochs.",
        DiagnosisKind.Overfitting => $"smoothed validation loss ({t.SmoothingWindow}-epoch window) ends at least {Percent(t.OverfitValidationLossRise, "0")} above its minimum while training loss keeps falling.",
        DiagnosisKind.HighVariance => $"final validation error exceeds training error by at least {Points(t.HighVarianceGap)} points.",
        DiagnosisKind.HighBias => $"final training error of at least {Percent(t.HighBiasTrainError, "0")}.",
        DiagnosisKind.Healthy => "none of the rules above holds at the last epoch.",
        _ => $"fewer than {t.MinEpochs} epochs, or still training with training error that may yet fall.",
    };

    /// <summary>"model.dropout 0 → 0.5 cut the gap from 9.1 to 3.2 points; objective 90.10 % → 91.10 % (better beyond noise)".</summary>
    public static string Tested(TestedRemedy tested, MetricScale scale)
    {
        var effect = tested.Effect;
        var change = effect.Changes[0];
        var gapPart = effect.Gap is { } gap && effect.ReferenceGap is { } referenceGap
            ? $"{(gap.Mean < referenceGap.Mean ? "cut" : "raised")} the gap from {Points(referenceGap.Mean)} to {Points(gap.Mean)} points"
            : "left no gap to compare";
        return $"{change.Path} {Value(change.BaselineValue)} → {Value(change.Value)} {gapPart}; objective {Metric(effect.Reference.Mean, scale)} → {Metric(effect.Objective.Mean, scale)} ({Verdict(effect.Verdict)})";
    }

    public static string Verdict(EffectVerdict verdict) => verdict switch
    {
        EffectVerdict.Better => "better beyond noise",
        EffectVerdict.Worse => "worse beyond noise",
        EffectVerdict.WithinNoise => "within seed noise",
        _ => "noise unknown",
    };

    public static string Verdict(InteractionVerdict verdict) => verdict switch
    {
        InteractionVerdict.Additive => "additive (within noise)",
        InteractionVerdict.Synergy => "synergy: better than the sum",
        InteractionVerdict.Interference => "interference: worse than the sum",
        _ => "noise unknown",
    };
}
