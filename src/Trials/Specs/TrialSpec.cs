using System.Text.Json.Serialization;

namespace Sweep.Trials.Specs;

/// <summary>One trial as a person writes it: the `name`, `seed`, `dataset`, `model`, `training` and `objective`
/// sections of a spec file. YAML keys are the snake_case forms of the property names.</summary>
public sealed record TrialSpec
{
    public string Name { get; init; } = "trial";
    public long Seed { get; init; }
    public DatasetSpec Dataset { get; init; } = new();
    public ModelSpec Model { get; init; } = new();
    public TrainingSpec Training { get; init; } = new();
    public ObjectiveSpec Objective { get; init; } = new();
    /// <summary>`torch` trains a real model; `synthetic` follows an analytic learning curve (benchmarks and tests of
    /// the orchestration itself).</summary>
    public TrialKind Kind { get; init; } = TrialKind.Torch;
    public SyntheticSpec Synthetic { get; init; } = new();
}

public enum TrialKind { Torch, Synthetic }

public sealed record SyntheticSpec
{
    /// <summary>Wall time each synthetic epoch takes.</summary>
    public double SecondsPerEpoch { get; init; }
}

public enum DatasetKind { FashionMnist, Mnist, Cifar10, ImageFolder }

public enum NormalizeKind { Imagenet, Dataset }

public sealed record DatasetSpec
{
    public DatasetKind Name { get; init; } = DatasetKind.FashionMnist;
    /// <summary>Directory holding the files; null searches the standard places.</summary>
    public string? Path { get; init; }
    public bool Download { get; init; }
    /// <summary>Stratified subset of the training file (before the validation split); 0 keeps all.</summary>
    public int TrainSubset { get; init; }
    /// <summary>Stratified subset of the test file; 0 keeps all.</summary>
    public int TestSubset { get; init; }
    /// <summary>Held out of the training images for validation, unless the files define a validation split (an
    /// image folder with validation/ or val/ beside train/).</summary>
    public double ValidationFraction { get; init; } = 0.2;
    /// <summary>Image folders of class folders alone (no train/): the share held out by the split seed as the test
    /// split, before validation is held out of the rest.</summary>
    [AddedField]
    public double TestFraction { get; init; } = 0.2;
    /// <summary>Train on these classes only, relabelled in this order (CIFAR-2: [airplane, bird]); empty keeps all.</summary>
    [AddedField]
    public IReadOnlyList<string> Classes { get; init; } = [];
    /// <summary>Seed of the train/validation split and the subsets; kept apart from the trial seed so that
    /// every trial of a sweep sees the same split.</summary>
    public int SplitSeed { get; init; }
    /// <summary>Image folders only: images are decoded to squares of this side, the shorter side scaled to it keeping
    /// the aspect and the centre cut (torchvision's Resize then CenterCrop); random resized crops are cut from the
    /// scaled training images before that cut.</summary>
    public int ImageSize { get; init; } = 32;
    /// <summary>1 (grayscale) or 3 (RGB) channels for the model; unset, the files' own (image folders decode to RGB).
    /// Grayscale files are repeated into three equal channels, colour ones reduced to their luminance.</summary>
    [HashedWhenUnsetAs(3)]
    public int? Channels { get; init; }
    /// <summary>Resize every batch so that the images' shorter side is this many pixels (torchvision's Resize); 0 keeps
    /// the files' size.</summary>
    [AddedField]
    public int Resize { get; init; }
    /// <summary>Cut the centre square of this side from every (resized) image (torchvision's CenterCrop); 0 keeps it whole.</summary>
    [AddedField]
    public int Crop { get; init; }
    /// <summary>The mean and standard deviation images are normalized with; unset, ImageNet's for torchvision's named
    /// weights (model.pretrained: torchvision:…) and the training split's otherwise.</summary>
    [AddedField]
    public NormalizeKind? Normalize { get; init; }
    public AugmentationSpec Augmentation { get; init; } = new();
}

public sealed record AugmentationSpec
{
    public bool HorizontalFlip { get; init; }
    public int CropPadding { get; init; }
    public double RotationDegrees { get; init; }
    public double TranslateFraction { get; init; }
    public double Brightness { get; init; }
    public double Contrast { get; init; }
    /// <summary>RGB only: saturation scaled by a factor drawn from [1 − s, 1 + s] (torchvision's ColorJitter).</summary>
    [AddedField]
    public double Saturation { get; init; }
    /// <summary>RGB only: hue turned by up to this share of the colour wheel either way (at most 0.5).</summary>
    [AddedField]
    public double Hue { get; init; }
    /// <summary>Random resized crop: the smallest share of the image's area a random box may cover before it is
    /// scaled to the model's input size (torchvision's default is 0.08); 0 turns it off. For an image folder the box
    /// is drawn from the whole image (its longer side cut to twice the shorter), not from the centre square the
    /// other splits see.</summary>
    [AddedField]
    public double ResizedCropScale { get; init; }

    public bool Any => HorizontalFlip || CropPadding > 0 || RotationDegrees > 0 || TranslateFraction > 0
        || Brightness > 0 || Contrast > 0 || Saturation > 0 || Hue > 0 || ResizedCropScale > 0;
}

/// <summary>`resnet` is torchvision's ResNet (see <see cref="ModelSpec.Depth"/> and <see cref="ModelSpec.Stem"/>);
/// it ignores the CNN and head fields, as torchvision's has none of them.</summary>
public enum ModelKind { Cnn, Mlp, Resnet }

/// <summary>A ResNet's first layers. `imagenet` is torchvision's (7×7 stride-2 convolution, then 3×3 stride-2
/// max-pool), which shrinks 224 px inputs by 4; `small` is one 3×3 stride-1 convolution and no pool, the usual
/// change for 28–32 px images, which the ImageNet stem would reduce to 7–8 px before the first block.</summary>
public enum ResNetStem { Imagenet, Small }
public enum Activation { Relu, LeakyRelu, Elu, Tanh }

public sealed record ModelSpec
{
    /// <summary>A named preset whose values the other fields then override.</summary>
    public string? Preset { get; init; }
    public ModelKind Kind { get; init; } = ModelKind.Cnn;
    public int ConvBlocks { get; init; } = 2;
    /// <summary>Convolutions per block (each followed by BatchNorm when on, then the activation).</summary>
    public int ConvsPerBlock { get; init; } = 1;
    public int Channels { get; init; } = 32;
    public double Growth { get; init; } = 2.0;
    public int KernelSize { get; init; } = 3;
    public int Padding { get; init; } = 1;
    public int Stride { get; init; } = 1;
    public int Dilation { get; init; } = 1;
    public Activation Activation { get; init; } = Activation.Relu;
    public bool BatchNorm { get; init; }
    /// <summary>Dropout before every fully connected layer of the head.</summary>
    public double Dropout { get; init; }
    /// <summary>Channel dropout after every conv block.</summary>
    public double Dropout2d { get; init; }
    /// <summary>2×2 max pooling after every conv block.</summary>
    public bool Pool { get; init; } = true;
    public IReadOnlyList<int> Hidden { get; init; } = [128];
    /// <summary>ResNet only: 18 or 34 (basic blocks) or 50 (bottleneck blocks), as torchvision's resnet18/34/50.</summary>
    public int Depth { get; init; } = 18;
    public ResNetStem Stem { get; init; } = ResNetStem.Imagenet;
    /// <summary>Transfer learning: weights saved by a previous trial, a PyTorch state dict
    /// (<c>torch.save(model.state_dict(), path)</c>), or published weights by name (<see cref="PretrainedNames"/>),
    /// looked up in the model cache.</summary>
    public string? Pretrained { get; init; }
    /// <summary>Transfer learning: fetch named weights into the model cache when they are not there yet.</summary>
    public bool Download { get; init; }
    /// <summary>Transfer learning: names of layers that stay trainable (all others frozen); empty trains all.</summary>
    public IReadOnlyList<string> Trainable { get; init; } = [];
    /// <summary>Transfer learning: names of layers to freeze (all others train), the complement of
    /// <see cref="Trainable"/>; the two cannot both be set.</summary>
    [AddedField]
    public IReadOnlyList<string> Freeze { get; init; } = [];
    /// <summary>Transfer learning: replace the classifier head with a fresh one.</summary>
    public bool ReplaceHead { get; init; }
}

public enum OptimizerKind { Sgd, Adam, Adamw, Rmsprop }
public enum ScheduleKind { Constant, Step, Multistep, Cosine, Exponential }

public sealed record TrainingSpec
{
    public int Epochs { get; init; } = 5;
    public int BatchSize { get; init; } = 64;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double Lr { get; init; } = 1e-3;
    /// <summary>Base rate of the trainable parameters outside the output layer, which then trains alone at lr, as
    /// fine-tuning gives a pretrained backbone a smaller rate than its new head; unset, every parameter trains at
    /// lr. Left out of the identity hash when unset, so specs written before it still resume their checkpoints.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BackboneLr { get; init; }
    public double Momentum { get; init; } = 0.9;
    public bool Nesterov { get; init; }
    public double WeightDecay { get; init; }
    public double L1 { get; init; }
    public double L2 { get; init; }
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;
    /// <summary>Step schedule: epochs between decays.</summary>
    public int StepSize { get; init; } = 10;
    public double Gamma { get; init; } = 0.1;
    /// <summary>Multistep schedule: epochs at which the rate is multiplied by gamma.</summary>
    public IReadOnlyList<int> Milestones { get; init; } = [];
    /// <summary>Linear warm-up from 0 to lr, counted in optimizer steps.</summary>
    public int WarmupSteps { get; init; }
    public double LabelSmoothing { get; init; }
    /// <summary>Clip the gradients' global norm to this value; 0 disables.</summary>
    public double GradClip { get; init; }
    /// <summary>Stop when validation loss has not improved for this many epochs; 0 disables.</summary>
    public int Patience { get; init; }
    /// <summary>Training images evaluated in eval mode at each epoch's end; unset, as many as the validation split.
    /// Left out of the identity hash when unset, so specs written before it still resume their checkpoints.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainEvalSize { get; init; }
    public bool OverfitOneBatch { get; init; }
    public int MisclassifiedExamples { get; init; } = 24;
}

public enum ObjectiveMetric { ValAccuracy, ValLoss, TrainLoss, TrainAccuracy }
public enum ObjectiveMode { Max, Min }

public sealed record ObjectiveSpec
{
    public ObjectiveMetric Metric { get; init; } = ObjectiveMetric.ValAccuracy;
    public ObjectiveMode Mode { get; init; } = ObjectiveMode.Max;
}
