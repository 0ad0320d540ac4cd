using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using Sweep.Trials.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>The checks an engineer runs before trusting a training run: the untrained model's loss should be near
/// ln(classes) and its accuracy near 1/classes (when its weights are fresh, not pretrained); and, on request, the model must be able to memorise one batch.</summary>
internal static class SanityCheck
{
    private const int InitialSamples = 2048;
    private const int OverfitBatchSize = 32;
    private const int OverfitMaxSteps = 100;

    public static SanityChecks Run(TrialSpec spec, ModelPlan plan, nn.Module<Tensor, Tensor> model,
        PreparedDataset data, InputResizer resizer, Device device)
    {
        var classes = data.ClassNames.Count;
        var samples = Math.Min(InitialSamples, data.ValLabels.shape[0]);
        var (loss, accuracy) = EvaluationPass.OfImages(model, data.ValImages.narrow(0, 0, samples),
            data.ValLabels.narrow(0, 0, samples), resizer, device);
        var (passed, steps) = spec.Training.OverfitOneBatch ? OverfitOneBatch(spec, plan, data, resizer, device) : (null, null);
        // Pretrained features give a fresh head large, far from uniform logits: chance level is expected of fresh weights only.
        var fresh = plan.Spec.Pretrained is null;
        return new SanityChecks(loss, fresh ? Math.Log(classes) : null, accuracy, fresh ? 1.0 / classes : null, passed, steps);
    }

    /// <summary>A fresh copy of the model (its own generator, so the trial's draws are untouched) trained on one
    /// batch with the trial's optimizer; it should reach 100% accuracy on that batch.</summary>
    private static (bool?, int?) OverfitOneBatch(TrialSpec spec, ModelPlan plan, PreparedDataset data,
        InputResizer resizer, Device device)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)Seeds.Derive(spec.Seed, "overfit-one-batch"));
        using var model = ModelBuilder.Build(plan, generator);
        model.to(device);
        using var optimizer = OptimizerFactory.Create(spec.Training, model, plan.OutputLayer);
        var size = Math.Min(OverfitBatchSize, data.TrainLabels.shape[0]);
        var images = resizer.Apply(data.TrainImages.narrow(0, 0, size)).to(device);
        var labels = data.TrainLabels.narrow(0, 0, size).to(device);
        for (var step = 1; step <= OverfitMaxSteps; step++)
        {
            using var stepScope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(images), labels).backward();
            optimizer.step();
            model.eval();
            using var noGrad = no_grad();
            if (model.call(images).argmax(1).eq(labels).all().item<bool>())
                return (true, step);
        }
        return (false, OverfitMaxSteps);
    }
}
