using Sweep.Orchestrator.Search;
using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Catches a model that cannot be built (a feature map collapsing below 1×1) before any data is read,
/// from the input shape each dataset kind is known to have.</summary>
public static class ModelCheck
{
    public static void Validate(TrialSpec trial, string specFile)
    {
        var classes = trial.Dataset.Classes.Count > 0 ? trial.Dataset.Classes.Count
            : trial.Dataset.Name == DatasetKind.ImageFolder ? 2 : 10;
        var side = InputNormalization.SideOf(trial.Dataset);
        var (height, width) = InputResizer.Of(trial.Dataset).OutputOf(side, side);
        var channels = InputNormalization.ChannelsOf(trial.Dataset);
        var plan = ModelPlanner.Plan(trial.Model, channels, height, width, classes, specFile);
        if (trial.Training.BackboneLr is not null && plan.Layers.Where(layer => !layer.Frozen && layer.Parameters > 0)
                .All(layer => layer.Name == plan.OutputLayer))
            throw new SpecException(specFile, null, "training.backbone_lr",
                $"expected a trainable layer besides {plan.OutputLayer}; only {plan.OutputLayer} trains, at training.lr, "
                + "so backbone_lr would be ignored");
    }

    /// <summary>Checks every planned trial's model. A model that only a search value breaks is reported at that
    /// value's line in the search section, naming the trial and its changes.</summary>
    public static void ValidatePlan(SpecLoader loader, SweepSpec spec, IReadOnlyList<PlannedTrial> plan)
    {
        foreach (var trial in plan)
        {
            try
            {
                Validate(loader.Resolve(spec, trial), spec.SourcePath);
            }
            catch (SpecException problem) when (trial.Changes.Count > 0)
            {
                var changes = string.Join(", ", trial.Changes.Select(c => $"{c.Path}: {c.BaselineValue} → {c.Value}"));
                var cause = spec.Search.Parameters.FirstOrDefault(p => trial.Changes.Any(c => c.Path == p.Path)
                    && (p.Path.StartsWith("model.", StringComparison.Ordinal) || p.Path.StartsWith("dataset.", StringComparison.Ordinal)))
                    ?? spec.Search.Parameters.First(p => trial.Changes.Any(c => c.Path == p.Path));
                throw new SpecException(spec.SourcePath, cause.Line, $"search.parameters.{cause.Path}",
                    $"trial {trial.Index} ({changes}) cannot be built: {problem.Field}: {problem.Problem}");
            }
        }
    }
}
