using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>A remedy the sweep itself tried: a single change against the baseline and what it did.</summary>
public sealed record TestedRemedy(Remedy Remedy, ChangeEffect Effect);

public sealed record DiagnosedTrial(TrialInfo Trial, CurveDiagnosis Diagnosis);

/// <summary>Every trial with one diagnosis, worst first, with the remedies for it and the sweep's own evidence for
/// them, stated once.</summary>
public sealed record DiagnosisGroup(DiagnosisKind Kind, IReadOnlyList<Remedy> Remedies, IReadOnlyList<TestedRemedy> Tested,
    IReadOnlyList<DiagnosedTrial> Trials)
{
    public double WorstSeverity => Trials.Max(t => t.Diagnosis.Severity);
}

public static class Diagnostics
{
    public static IReadOnlyDictionary<int, CurveDiagnosis> DiagnoseAll(IEnumerable<TrialInfo> trials, DiagnosisThresholds thresholds) =>
        trials.ToDictionary(t => t.Index, t => CurveDiagnoser.Diagnose(t, thresholds));

    /// <summary>Trials with curves ranked worst first.</summary>
    public static IReadOnlyList<DiagnosedTrial> Rank(IEnumerable<TrialInfo> trials, IReadOnlyDictionary<int, CurveDiagnosis> diagnoses) =>
        trials.Where(t => t.Epochs.Count > 0 || t.State == TrialStates.Diverged)
            .Select(t => new DiagnosedTrial(t, diagnoses[t.Index]))
            .OrderByDescending(d => d.Diagnosis.Severity)
            .ThenBy(d => d.Trial.Index)
            .ToList();

    /// <summary>One group per diagnosis, the group with the most severe trial first; trials keep their rank order.</summary>
    public static IReadOnlyList<DiagnosisGroup> Group(IReadOnlyList<DiagnosedTrial> ranked, IReadOnlyList<ChangeEffect> effects) =>
        ranked.GroupBy(d => d.Diagnosis.Kind)
            .Select(g =>
            {
                var remedies = Remedies.For(g.Key);
                return new DiagnosisGroup(g.Key, remedies, TestedBy(remedies, effects), g.ToList());
            })
            .OrderByDescending(g => g.WorstSeverity)
            .ThenBy(g => g.Kind)
            .ToList();

    /// <summary>Round-0 single changes whose parameter a remedy names; later rounds compare against other
    /// baselines and would mix evidence.</summary>
    public static IReadOnlyList<TestedRemedy> TestedBy(IReadOnlyList<Remedy> remedies, IReadOnlyList<ChangeEffect> effects) =>
        remedies.SelectMany(remedy => effects
                .Where(e => e.Config.Round == 0 && e.Changes is [var change] && remedy.IsTestedBy(change.Path))
                .Select(e => new TestedRemedy(remedy, e)))
            .ToList();
}
