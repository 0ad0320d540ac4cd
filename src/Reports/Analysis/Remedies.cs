namespace Sweep.Reports.Analysis;

/// <summary>A usual remedy for a diagnosis and the spec paths whose change would test it.</summary>
public sealed record Remedy(string Advice, IReadOnlyList<string> PathPrefixes)
{
    public bool IsTestedBy(string path) => PathPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>The textbook remedies per diagnosis (Goodfellow et al. ch. 7 and 11; Karpathy's "recipe").</summary>
public static class Remedies
{
    private static readonly Remedy MoreData = new("more data or augmentation", ["dataset.augmentation.", "dataset.train_subset"]);
    private static readonly Remedy Regularize = new("Dropout or BatchNorm", ["model.dropout", "model.batch_norm"]);
    private static readonly Remedy WeightDecay = new("weight decay", ["training.weight_decay", "training.l2", "training.l1"]);
    private static readonly Remedy SmallerModel = new("a smaller model", ["model.channels", "model.hidden", "model.conv_blocks"]);
    private static readonly Remedy BiggerModel = new("a bigger model", ["model.channels", "model.hidden", "model.conv_blocks"]);
    private static readonly Remedy MoreEpochs = new("more epochs (while training loss still falls)", ["training.epochs"]);
    private static readonly Remedy HigherRate = new("a higher learning rate", ["training.lr"]);
    private static readonly Remedy LowerRate = new("a lower learning rate or warm-up", ["training.lr", "training.warmup_steps"]);
    private static readonly Remedy Clip = new("gradient clipping", ["training.grad_clip"]);
    private static readonly Remedy Normalize = new("BatchNorm", ["model.batch_norm"]);

    private static readonly Remedy EarlyStopping =
        new("early stopping at the epoch of lowest validation loss (each trial's onset)", ["training.patience"]);

    /// <summary>The same for every trial of a diagnosis, so the page states them once per diagnosis; what differs
    /// between trials (the onset epoch, whether training loss still falls) is in each trial's evidence.</summary>
    public static IReadOnlyList<Remedy> For(DiagnosisKind kind) => kind switch
    {
        DiagnosisKind.Overfitting => [MoreData, Regularize, WeightDecay, EarlyStopping, SmallerModel],
        DiagnosisKind.HighVariance => [MoreData, Regularize, WeightDecay, SmallerModel],
        DiagnosisKind.HighBias => [MoreEpochs, BiggerModel, HigherRate],
        DiagnosisKind.Unstable or DiagnosisKind.Diverged => [LowerRate, Clip, Normalize],
        _ => [],
    };
}
