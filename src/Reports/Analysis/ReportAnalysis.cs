using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>Every analysis of one report input, computed once and handed to the page.</summary>
public sealed record ReportAnalysis(
    ReportInput Input,
    DiagnosisThresholds Thresholds,
    SweepSummary Summary,
    IReadOnlyList<LeaderboardRow> Leaderboard,
    IReadOnlyDictionary<int, CurveDiagnosis> Diagnoses,
    IReadOnlyList<DiagnosedTrial> RankedDiagnoses,
    BiasVarianceInfo BiasVariance,
    IReadOnlyList<ValidationCurveInfo> ValidationCurves,
    IReadOnlyList<ChangeEffect> Effects,
    AdaptivePathInfo AdaptivePath,
    IReadOnlyList<InteractionCheck> Interactions,
    IReadOnlyList<SanityRow> Sanity,
    ImportanceInfo Importance)
{
    public static ReportAnalysis Of(ReportInput input, DiagnosisThresholds thresholds)
    {
        var trials = input.Trials;
        var maximize = input.Sweep.Maximize;
        var leaderboard = Analysis.Leaderboard.Build(trials, maximize);
        var diagnoses = Diagnostics.DiagnoseAll(trials, thresholds);
        var effects = ChangeEffects.Analyze(trials, maximize, input.Decisions);
        return new ReportAnalysis(
            input,
            thresholds,
            SweepSummary.Of(trials, leaderboard),
            leaderboard,
            diagnoses,
            Diagnostics.Rank(trials, diagnoses, effects),
            Analysis.BiasVariance.Analyze(trials, diagnoses, thresholds),
            Analysis.ValidationCurves.Analyze(input.Sweep, trials),
            effects,
            Analysis.AdaptivePath.Analyze(input),
            Analysis.Interactions.Analyze(trials, maximize),
            SanityChecks.Analyze(trials, thresholds),
            Analysis.Importance.Analyze(input.Sweep, trials, effects));
    }
}
