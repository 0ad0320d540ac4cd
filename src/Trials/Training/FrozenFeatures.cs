using Sweep.Trials.Data;
using Sweep.Trials.Models;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>A network's leading fixed stages (<see cref="FrozenStages"/>: frozen, no dropout, BatchNorm in eval mode)
/// run once when a trial starts, over the images it sees the same way at every epoch: the validation split, the
/// training images it measures in eval mode, and the training split itself when nothing random comes before the
/// network (no augmentation). Each batch then runs only the stages after them: fine-tuning a ResNet-18's last block
/// skips the three quarters of its forward pass that no step changes, as Keras' "feature extraction" does.
/// The outputs are computed batch by batch in a fixed order, so a resumed trial computes the same ones. They are
/// kept only within <see cref="MostBytes"/>, the same bound on every host, so whether a trial uses them follows from
/// its spec alone and a trial gives the same numbers on any host.</summary>
public sealed class FrozenFeatures : IDisposable
{
    public const long MostBytes = 2L << 30;

    private readonly IReadOnlyList<ModelStage> _stages;

    private FrozenFeatures(IReadOnlyList<ModelStage> stages, int fixedStages, Tensor validation, Tensor trainEvaluation,
        Tensor? train)
    {
        _stages = stages;
        FixedStages = fixedStages;
        Validation = validation;
        TrainEvaluation = trainEvaluation;
        Train = train;
    }

    /// <summary>How many leading stages the features stand for.</summary>
    public int FixedStages { get; }
    public Tensor Validation { get; }
    public Tensor TrainEvaluation { get; }

    /// <summary>The training split's features, in its order; null when the trial augments its training images.</summary>
    public Tensor? Train { get; }

    /// <summary>Logits from a batch of features: the stages after the fixed ones.</summary>
    public Tensor Forward(Tensor features) => ModelStages.RunFrom(_stages, FixedStages, features);

    /// <summary>Null when no leading stage is fixed, or when even the evaluation sets' features would pass
    /// <paramref name="mostBytes"/>.</summary>
    internal static FrozenFeatures? Compute(nn.Module<Tensor, Tensor> model, PreparedDataset data,
        TrainingEvaluationSubset trainEvaluation, InputResizer resizer, bool augmented, Device device,
        long mostBytes = MostBytes)
    {
        var stages = ModelStages.Of(model);
        var fixedStages = FrozenStages.Leading(stages);
        if (fixedStages == 0 || data.ValLabels.shape[0] == 0)
            return null;
        model.eval();
        using var noGrad = no_grad();
        long bytesPerImage;
        using (var probe = ModelStages.RunTo(stages, fixedStages, resizer.Apply(data.ValImages.narrow(0, 0, 1)).to(device)))
            bytesPerImage = probe.numel() * probe.element_size();
        var evaluationBytes = bytesPerImage * (data.ValLabels.shape[0] + trainEvaluation.Labels.shape[0]);
        if (evaluationBytes > mostBytes)
            return null;
        var trainFits = evaluationBytes + bytesPerImage * data.TrainLabels.shape[0] <= mostBytes;
        Tensor Of(Tensor images) => Run(stages, fixedStages, images, resizer, device);
        return new FrozenFeatures(stages, fixedStages, Of(data.ValImages), Of(trainEvaluation.Images),
            !augmented && trainFits ? Of(data.TrainImages) : null);
    }

    private static Tensor Run(IReadOnlyList<ModelStage> stages, int fixedStages, Tensor images, InputResizer resizer,
        Device device)
    {
        var count = images.shape[0];
        var batchSize = EvaluationBatch.Size(images, resizer);
        Tensor? features = null;
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(batchSize, count - start);
            var output = ModelStages.RunTo(stages, fixedStages, resizer.Apply(images.narrow(0, start, size)).to(device));
            features ??= empty([count, .. output.shape[1..]], output.dtype, device).MoveToOuterDisposeScope();
            features.narrow(0, start, size).copy_(output);
        }
        return features ?? empty(0, device: device);
    }

    public void Dispose()
    {
        Validation.Dispose();
        TrainEvaluation.Dispose();
        Train?.Dispose();
    }
}
