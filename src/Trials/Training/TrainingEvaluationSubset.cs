using Sweep.Trials.Data;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>The training images whose loss and accuracy are measured in eval mode at each epoch's end: the same
/// subset every epoch and for every trial of a sweep (drawn from the split seed, by a generator of its own, so the
/// training draws are untouched), as large as the validation split unless the spec says otherwise.</summary>
internal sealed class TrainingEvaluationSubset : IDisposable
{
    private TrainingEvaluationSubset(Tensor indices, Tensor images, Tensor labels)
    {
        Indices = indices;
        Images = images;
        Labels = labels;
    }

    /// <summary>Positions in the training split, ascending.</summary>
    public Tensor Indices { get; }
    public Tensor Images { get; }
    public Tensor Labels { get; }

    public static TrainingEvaluationSubset Draw(PreparedDataset data, TrialSpec spec)
    {
        var trainCount = data.TrainLabels.shape[0];
        var size = Math.Min(spec.Training.TrainEvalSize ?? data.ValLabels.shape[0], trainCount);
        using var generator = new Generator((ulong)Seeds.Derive(spec.Dataset.SplitSeed, "train-eval-subset"));
        using var order = randperm(trainCount, generator: generator);
        using var chosen = order.narrow(0, 0, size);
        var (sorted, positions) = chosen.sort();
        positions.Dispose();
        return new TrainingEvaluationSubset(sorted, data.TrainImages.index_select(0, sorted),
            data.TrainLabels.index_select(0, sorted));
    }

    public void Dispose()
    {
        Indices.Dispose();
        Images.Dispose();
        Labels.Dispose();
    }
}
