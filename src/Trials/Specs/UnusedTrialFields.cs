using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Fields of a trial written where the trainer would not read them, given the settings they depend on.
/// A search value that chooses other settings (a sweep comparing schedules, optimizers, model kinds or datasets)
/// leaves the file's own fields to the trials that read them; a search value for an unread field is refused as the
/// file's own would be.</summary>
internal static class UnusedTrialFields
{
    /// <param name="Settings">The paths whose values decide whether the field is read.</param>
    /// <param name="Problem">Why the field is not read in this trial, or null when it is.</param>
    private sealed record Rule(string Path, string[] Settings, Func<TrialSpec, string?> Problem);

    private static readonly string[] ConvolutionalFields =
        ["conv_blocks", "convs_per_block", "channels", "growth", "kernel_size", "padding", "stride", "dilation",
            "dropout2d", "pool"];
    private static readonly string[] HeadFields = ["hidden", "dropout", "batch_norm", "activation"];
    private static readonly string[] ResNetFields = ["depth", "stem"];
    private static readonly string[] ModelSettings = ["model.kind", "model.preset"];

    private static readonly Rule[] Rules =
    [
        new("training.nesterov", ["training.optimizer"], spec => spec.Training.Nesterov && spec.Training.Optimizer != OptimizerKind.Sgd
            ? $"expected false with optimizer {Spelled(spec.Training.Optimizer)}; Nesterov momentum is SGD's only"
            : null),
        ScheduleField("training.step_size", ScheduleKind.Step),
        ScheduleField("training.milestones", ScheduleKind.Multistep),
        ScheduleField("training.gamma", ScheduleKind.Step, ScheduleKind.Multistep, ScheduleKind.Exponential),
        new("training.patience", ["training.epochs"], spec => spec.Training is { Patience: > 0 and var patience, Epochs: var epochs }
            && patience >= epochs
                ? $"expected fewer than training.epochs ({epochs}), found {patience}; the first epoch always improves "
                    + "on validation loss, so the trial could never stop early"
                : null),
        .. ConvolutionalFields.Concat(HeadFields).Concat(ResNetFields).Select(ModelKindField),
        new("model.growth", ["model.conv_blocks", .. ModelSettings], spec => spec.Model is { Kind: ModelKind.Cnn, ConvBlocks: 1 }
            ? "expected model.conv_blocks above 1 to go with it, found conv_blocks 1, whose one block has nothing to grow from"
            : null),
        new("model.batch_norm", ["model.hidden", .. ModelSettings], spec => spec.Model is { Kind: ModelKind.Mlp, BatchNorm: true, Hidden.Count: 0 }
            ? "expected model.hidden to list a layer to go with it, found none; an MLP normalises its hidden layers only"
            : null),
        new("model.download", ["model.pretrained"], spec => spec.Model.Pretrained is { } pretrained && PretrainedNames.IsName(pretrained)
            ? null
            : $"expected model.pretrained to name published weights ({string.Join(", ", PretrainedNames.Known.Select(weights => weights.Name))}) "
                + $"to go with it, found {(spec.Model.Pretrained is null ? "no model.pretrained" : "a weights file, which is read where it is")}"),
        ImageFolderField("dataset.image_size", "dataset.resize scales the images of any dataset"),
        ImageFolderField("dataset.test_fraction", "its files hold a test split of their own"),
        new("dataset.download", ["dataset.name"], spec => spec.Dataset.Name == DatasetKind.ImageFolder
            ? UnreadFields.Problem("dataset.name", Enum.GetValues<DatasetKind>().Where(kind => kind != DatasetKind.ImageFolder)
                .Select(kind => Spelled(kind)), Spelled(spec.Dataset.Name)) + "; an image folder is read where it is"
            : null),
        new("synthetic.seconds_per_epoch", ["kind"], spec => spec.Kind == TrialKind.Synthetic
            ? null
            : UnreadFields.Problem("kind", [Spelled(TrialKind.Synthetic)], Spelled(spec.Kind))),
    ];

    public static void Check(TrialSpec spec, YamlMappingNode root, SpecLocator locator)
    {
        foreach (var rule in Rules)
            if (WrittenNodes.Written(root, rule.Path) is { } node && rule.Problem(spec) is { } problem
                && !ChosenBySearch(root, locator, node, rule.Settings))
                throw locator.Error(node, rule.Path, problem);
    }

    private static bool ChosenBySearch(YamlMappingNode root, SpecLocator locator, YamlNode field, string[] settings) =>
        !locator.IsOverride(field)
        && settings.Any(setting => WrittenNodes.Written(root, setting) is { } node && locator.IsOverride(node));

    private static Rule ScheduleField(string path, params ScheduleKind[] readers) =>
        new(path, ["training.schedule"], spec => readers.Contains(spec.Training.Schedule)
            ? null
            : UnreadFields.Problem("training.schedule", readers.Select(schedule => Spelled(schedule)), Spelled(spec.Training.Schedule)));

    private static Rule ModelKindField(string field) =>
        new($"model.{field}", ModelSettings, spec => UnusedBy(spec.Model.Kind).Contains(field)
            ? $"expected no {field} for model kind {Spelled(spec.Model.Kind)}, which has none to set"
            : null);

    private static string[] UnusedBy(ModelKind kind) => kind switch
    {
        ModelKind.Resnet => [.. ConvolutionalFields, .. HeadFields],
        ModelKind.Mlp => [.. ConvolutionalFields, .. ResNetFields],
        _ => ResNetFields,
    };

    private static Rule ImageFolderField(string path, string hint) =>
        new(path, ["dataset.name"], spec => spec.Dataset.Name == DatasetKind.ImageFolder
            ? null
            : $"{UnreadFields.Problem("dataset.name", [Spelled(DatasetKind.ImageFolder)], Spelled(spec.Dataset.Name))}; {hint}");

    private static string Spelled(Enum value) => EnumSpelling.Format(value);
}
