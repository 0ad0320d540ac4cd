using System.Globalization;
using Sweep.Reports.Model;

namespace Sweep.Reports.Samples;

/// <summary>Turns a synthetic sweep into one that successive halving stopped: at each rung (grace × reduction^k
/// epochs) the best ⌊n / reduction⌋ trials by their best validation accuracy so far go on (promoted), the others end
/// pruned there, with the decisions and messages the sweep's store would hold.</summary>
public static class SyntheticEarlyStopping
{
    public static ReportInput Asha(ReportInput input, int grace, int reduction)
    {
        var policy = new EarlyStoppingInfo(EarlyStoppingPolicies.Asha, grace, reduction, MinTrials: 3);
        var planned = input.Trials.Max(t => t.PlannedEpochs ?? t.Epochs.Count);
        var rungs = new List<int>();
        for (var rung = grace; rung < planned; rung *= reduction) rungs.Add(rung);

        var stoppedAt = new Dictionary<int, int>();
        var alive = input.Trials.Where(t => t.State == TrialStates.Completed).Select(t => t.Index).ToHashSet();
        var byIndex = input.Trials.ToDictionary(t => t.Index);
        foreach (var rung in rungs)
        {
            var reached = alive.Where(i => byIndex[i].Epochs.Count >= rung)
                .OrderByDescending(i => byIndex[i].Epochs.Take(rung).Max(e => e.ValAccuracy)).ThenBy(i => i).ToList();
            foreach (var index in reached.Skip(Math.Max(1, reached.Count / reduction)))
            {
                stoppedAt[index] = rung;
                alive.Remove(index);
            }
        }

        string NextRung(int epoch) => rungs.FirstOrDefault(r => r > epoch) is var next and > 0
            ? $"epoch {epoch} is not a rung; the next one is epoch {next}"
            : $"epoch {epoch} is after the last rung";
        var trials = input.Trials.Select(trial =>
        {
            var last = stoppedAt.TryGetValue(trial.Index, out var rung) ? rung : trial.Epochs.Count;
            var epochs = trial.Epochs.Take(last).ToList();
            // A trial passed a rung when it recorded a later epoch; one that diverged there did not.
            bool Passed(EpochInfo e) => rungs.Contains(e.Epoch) && e.Epoch < epochs.Count;
            var decisions = epochs.Select(e => new StopDecisionInfo(e.Epoch,
                e.Epoch == rung && stoppedAt.ContainsKey(trial.Index) ? StopActions.Pause
                    : Passed(e) ? StopActions.Promoted : StopActions.Continue,
                e.Epoch == rung && stoppedAt.ContainsKey(trial.Index)
                    ? $"objective {Show(epochs.Max(x => x.ValAccuracy))} at rung {rung}: waits for promotion"
                    : Passed(e) ? $"promoted from rung {e.Epoch}"
                    : e.Epoch == trial.PlannedEpochs ? "the trial's last epoch"
                    : e.Epoch < grace ? $"epoch {e.Epoch} is before the grace epoch {grace}" : NextRung(e.Epoch))).ToList();
            if (!stoppedAt.ContainsKey(trial.Index)) return trial with { Decisions = decisions };
            var best = epochs.MaxBy(e => e.ValAccuracy)!;
            return trial with
            {
                State = TrialStates.Pruned, Epochs = epochs, Decisions = decisions, Objective = best.ValAccuracy,
                BestEpoch = best.Epoch, Test = null, Seconds = epochs.Sum(e => e.Seconds),
                Message = $"pruned at epoch {rung}: not promoted from rung {rung} once no other trial could reach it",
            };
        }).ToList();
        return new ReportInput(input.Sweep with { Name = input.Sweep.Name + ", ASHA", EarlyStopping = policy }, trials);
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
