using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Catches a model that cannot be built (a feature map collapsing below 1×1) before any data is read,
/// from the input shape each dataset kind is known to have.</summary>
public static class ModelCheck
{
    public static void Validate(TrialSpec trial, string specFile)
    {
        var (channels, size, classes) = trial.Dataset.Name switch
        {
            DatasetKind.FashionMnist or DatasetKind.Mnist => (1, 28, 10),
            DatasetKind.Cifar10 => (3, 32, 10),
            _ => (trial.Dataset.Channels, trial.Dataset.ImageSize, 2),
        };
        ModelPlanner.Plan(trial.Model, channels, size, size, classes, specFile);
    }
}
