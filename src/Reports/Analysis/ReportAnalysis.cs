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
    IReadOnlyList<DiagnosisGroup> DiagnosisGroups,
    BiasVarianceInfo BiasVariance,
    IReadOnlyList<ValidationCurveInfo> ValidationCurves,
    IReadOnlyList<ChangeEffect> Effects,
    AdaptivePathInfo AdaptivePath,
    IReadOnlyList<InteractionCheck> Interactions,
    IReadOnlyList<SanityRow> Sanity,
    ImportanceInfo Importance,
    EarlyStoppingReport EarlyStopping,
    OptimizationHistoryInfo History,
    SearchSpaceInfo SearchSpace)
{
    private readonly IReadOnlyDictionary<string, ConfigGroup> _configs =
        Leaderboard.ToDictionary(r => r.Config.ConfigKey, r => r.Config);

    /// <summary>The configuration (all seed repeats) a trial belongs to.</summary>
    public ConfigGroup ConfigOf(TrialInfo trial) => _configs[trial.ConfigKey];

    public static ReportAnalysis Of(ReportInput input, DiagnosisThresholds thresholds)
    {
        var trials = input.Trials;
        var maximize = input.Sweep.Maximize;
        var leaderboard = Analysis.Leaderboard.Build(trials, maximize);
        var diagnoses = Diagnostics.DiagnoseAll(trials, thresholds);
        var ranked = Diagnostics.Rank(trials, diagnoses);
        var effects = ChangeEffects.Analyze(trials, maximize, input.SearchDecisions);
        return new ReportAnalysis(
            input,
            thresholds,
            SweepSummary.Of(trials, leaderboard),
            leaderboard,
            diagnoses,
            ranked,
            Diagnostics.Group(ranked, effects),
            Analysis.BiasVariance.Analyze(trials, diagnoses, thresholds),
            Analysis.ValidationCurves.Analyze(input.Sweep, trials),
            effects,
            Analysis.AdaptivePath.Analyze(input),
            Analysis.Interactions.Analyze(trials, maximize),
            SanityChecks.Analyze(trials, thresholds),
            Analysis.Importance.Analyze(input.Sweep, trials, effects),
            EarlyStoppingAnalysis.Analyze(input.Sweep.EarlyStopping, trials),
            OptimizationHistory.Analyze(trials, input.Sweep.CreatedAt, maximize),
            SearchSpaceView.Analyze(input.Sweep, trials));
    }
}
