namespace Sweep.Trials.Training;

/// <summary>Metrics of one finished epoch (1-based), averaged over samples. <see cref="TrainLoss"/> and
/// <see cref="TrainAccuracy"/> are the running means over the epoch in train mode (dropout and augmentation on,
/// weights moving); <see cref="TrainEvalLoss"/> and <see cref="TrainEvalAccuracy"/> are measured at the epoch's end in
/// eval mode on a fixed training subset, comparable with the validation figures. Null for epochs recorded before
/// Sweep measured them.</summary>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double LearningRate,
    double Seconds,
    double SamplesPerSecond,
    double? TrainEvalLoss = null,
    double? TrainEvalAccuracy = null);

public enum TrialOutcome { Completed, EarlyStopped, Diverged, Pruned, Failed, Cancelled }

public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>A test image the model got wrong; pixels are the raw 0–255 values, channel-major (C×H×W).</summary>
public sealed record MisclassifiedImage(int Index, int TrueClass, int PredictedClass, int Channels, int Height,
    int Width, byte[] Pixels);

public sealed record TestMetrics(
    double Accuracy,
    double MacroF1,
    double Loss,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] ConfusionMatrix,
    IReadOnlyList<MisclassifiedImage> Misclassified);

/// <param name="ExpectedInitialLoss">ln(classes) for fresh weights; null for pretrained ones (a replaced head
/// included), whose starting loss has no chance level to compare with.</param>
/// <param name="ExpectedInitialAccuracy">1/classes for fresh weights; null for pretrained ones.</param>
public sealed record SanityChecks(
    double InitialLoss,
    double? ExpectedInitialLoss,
    double InitialAccuracy,
    double? ExpectedInitialAccuracy,
    bool? OverfitOneBatchPassed,
    int? OverfitOneBatchEpochs);

public sealed record LayerShape(string Name, string Kind, int[] OutputShape, long Parameters);

public sealed record ModelSummary(long TrainableParameters, long FrozenParameters, IReadOnlyList<LayerShape> Layers);

/// <param name="Host">The machine that trained the trial.</param>
public sealed record RunEnvironment(string TorchSharpVersion, string LibTorchVersion, string Device, int Threads, string Host);

public sealed record TrialResult(
    TrialOutcome Outcome,
    IReadOnlyList<EpochMetrics> Epochs,
    int BestEpoch,
    double? BestObjective,
    TestMetrics? Test,
    SanityChecks? Sanity,
    ModelSummary? Model,
    RunEnvironment Environment,
    double Seconds,
    int? StoppedAtEpoch,
    string? Message);
