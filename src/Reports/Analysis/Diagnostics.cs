using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <summary>A remedy the sweep itself tried: a single change against the baseline and what it did.</summary>
public sealed record TestedRemedy(Remedy Remedy, ChangeEffect Effect);

public sealed record DiagnosedTrial(TrialInfo Trial, CurveDiagnosis Diagnosis, IReadOnlyList<Remedy> Remedies,
    IReadOnlyList<TestedRemedy> Tested);

public static class Diagnostics
{
    public static IReadOnlyDictionary<int, CurveDiagnosis> DiagnoseAll(IEnumerable<TrialInfo> trials, DiagnosisThresholds thresholds) =>
        trials.ToDictionary(t => t.Index, t => CurveDiagnoser.Diagnose(t, thresholds));

    /// <summary>Trials with curves ranked worst first, each with its remedies and the sweep's own evidence for them.</summary>
    public static IReadOnlyList<DiagnosedTrial> Rank(IEnumerable<TrialInfo> trials, IReadOnlyDictionary<int, CurveDiagnosis> diagnoses,
        IReadOnlyList<ChangeEffect> effects)
    {
        return trials.Where(t => t.Epochs.Count > 0 || t.State == TrialStates.Diverged)
            .Select(t =>
            {
                var diagnosis = diagnoses[t.Index];
                var remedies = Remedies.For(diagnosis);
                return new DiagnosedTrial(t, diagnosis, remedies, TestedBy(remedies, effects));
            })
            .OrderByDescending(d => d.Diagnosis.Severity)
            .ThenBy(d => d.Trial.Index)
            .ToList();
    }

    /// <summary>Round-0 single changes whose parameter a remedy names; later rounds compare against other
    /// baselines and would mix evidence.</summary>
    public static IReadOnlyList<TestedRemedy> TestedBy(IReadOnlyList<Remedy> remedies, IReadOnlyList<ChangeEffect> effects) =>
        remedies.SelectMany(remedy => effects
                .Where(e => e.Config.Round == 0 && e.Changes is [var change] && remedy.IsTestedBy(change.Path))
                .Select(e => new TestedRemedy(remedy, e)))
            .ToList();
}
