using Sweep.Trials.Data;
using Sweep.Trials.Models;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Checks that involve more than one field, or a list as a whole, after binding.</summary>
internal static class TrialConsistency
{
    public static void Check(TrialSpec spec, YamlMappingNode root, SpecLocator locator)
    {
        var milestones = spec.Training.Milestones;
        if (milestones.Zip(milestones.Skip(1)).Any(pair => pair.First >= pair.Second))
            throw locator.Error(NodeAt(root, "training.milestones"), "training.milestones",
                $"expected epochs in ascending order, found {FlowText.Format(milestones)}");
        if (spec.Model.Trainable.Count > 0 && spec.Model.Pretrained is null)
            throw locator.Error(NodeAt(root, "model.trainable"), "model.trainable",
                "expected model.pretrained to be set as well; trainable layers only apply to a pretrained model");
        if (spec.Model.Freeze.Count > 0 && spec.Model.Trainable.Count > 0)
            throw locator.Error(NodeAt(root, "model.freeze"), "model.freeze",
                "expected either model.trainable or model.freeze, found both; one is the other's complement");
        if (spec.Model.Freeze.Count > 0 && spec.Model.Pretrained is null)
            throw locator.Error(NodeAt(root, "model.freeze"), "model.freeze",
                "expected model.pretrained to be set as well; frozen layers only apply to a pretrained model");
        if (spec.Model.Pretrained is { } pretrained && PretrainedNames.IsName(pretrained))
        {
            if (PretrainedNames.Find(pretrained) is not { } weights)
                throw locator.Error(NodeAt(root, "model.pretrained"), "model.pretrained",
                    PretrainedNames.UnknownProblem(pretrained));
            if (PretrainedNames.Mismatch(weights, spec.Model) is var (field, problem))
                throw locator.Error(NodeAt(root, field), field, problem);
        }
        if (spec.Model.ReplaceHead && spec.Model.Pretrained is null)
            throw locator.Error(NodeAt(root, "model.replace_head"), "model.replace_head",
                "expected model.pretrained to be set as well; only a pretrained model has a head to replace");
        if (spec.Dataset.Classes.Count > 0 && ClassChoice.KnownNames(spec.Dataset.Name) is { } names
            && ClassChoice.Problem(spec.Dataset.Classes, names) is { } classProblem)
            throw locator.Error(NodeAt(root, "dataset.classes"), "dataset.classes", classProblem);
        if (InputNormalization.Of(spec) == NormalizeKind.Imagenet && InputNormalization.ChannelsOf(spec.Dataset) != 3)
            throw locator.Error(NodeAt(root, spec.Dataset.Normalize is null ? "model.pretrained" : "dataset.normalize"),
                "dataset.channels", "expected 3 with ImageNet normalization (ImageNet-pretrained weights take RGB input), "
                + $"found {InputNormalization.ChannelsOf(spec.Dataset)}; set dataset.channels: 3");
        var augmentation = spec.Dataset.Augmentation;
        if ((augmentation.Saturation > 0 || augmentation.Hue > 0) && InputNormalization.ChannelsOf(spec.Dataset) != 3)
            throw locator.Error(NodeAt(root, augmentation.Hue > 0 ? "dataset.augmentation.hue" : "dataset.augmentation.saturation"),
                augmentation.Hue > 0 ? "dataset.augmentation.hue" : "dataset.augmentation.saturation",
                "expected 0 for grayscale images, which have no colour to change; set dataset.channels: 3");
        var side = InputNormalization.SideOf(spec.Dataset);
        if (InputResizer.Of(spec.Dataset).Problem(side, side) is { } cropProblem)
            throw locator.Error(NodeAt(root, "dataset.crop"), "dataset.crop", cropProblem);
        CheckBackboneRate(spec, root, locator);
        CheckOptimizer(spec.Training, root, locator);
        CheckSchedule(spec.Training, root, locator);
        CheckModelFields(spec.Model, root, locator);
        CheckDatasetFields(spec.Dataset, root, locator);
    }

    /// <summary>With only the output layer trainable, nothing would train at backbone_lr. Trainable entries that
    /// reach past it (a stage, a block) only show whether they hold more layers once the model is planned.</summary>
    private static void CheckBackboneRate(TrialSpec spec, YamlMappingNode root, SpecLocator locator)
    {
        var outputLayer = ModelPlan.OutputLayerOf(spec.Model.Kind);
        if (spec.Training.BackboneLr is null || spec.Model.Trainable.Count == 0
            || spec.Model.Trainable.Any(name => name != outputLayer))
            return;
        throw locator.Error(NodeAt(root, "training.backbone_lr"), "training.backbone_lr",
            $"expected model.trainable to name a layer besides {outputLayer}; only {outputLayer} trains, at "
            + "training.lr, so backbone_lr would be ignored");
    }

    private static void CheckOptimizer(TrainingSpec training, YamlMappingNode root, SpecLocator locator)
    {
        if (!training.Nesterov)
            return;
        if (training.Optimizer != OptimizerKind.Sgd)
            throw locator.Error(NodeAt(root, "training.nesterov"), "training.nesterov",
                $"expected false with optimizer {Spelled(training.Optimizer)}; Nesterov momentum is SGD's only");
        if (training.Momentum == 0)
            throw locator.Error(NodeAt(root, "training.nesterov"), "training.nesterov",
                "expected false with training.momentum 0; Nesterov momentum needs a momentum above 0");
    }

    /// <summary>A schedule setting the chosen schedule does not read would be silently ignored.</summary>
    private static void CheckSchedule(TrainingSpec training, YamlMappingNode root, SpecLocator locator)
    {
        if (training.Schedule == ScheduleKind.Multistep && training.Milestones.Count == 0)
            throw locator.Error(NodeAt(root, "training.schedule"), "training.milestones",
                "expected at least one epoch with schedule multistep, found none");
        var readBy = new (string Path, ScheduleKind[] Schedules)[]
        {
            ("training.step_size", [ScheduleKind.Step]),
            ("training.milestones", [ScheduleKind.Multistep]),
            ("training.gamma", [ScheduleKind.Step, ScheduleKind.Multistep, ScheduleKind.Exponential]),
        };
        foreach (var (path, schedules) in readBy)
            if (!schedules.Contains(training.Schedule) && Written(root, path) is { } node)
                throw locator.Error(node, path,
                    $"expected training.schedule {string.Join(" or ", schedules.Select(schedule => Spelled(schedule)))} to go with it, "
                    + $"found schedule {Spelled(training.Schedule)}, which does not use it");
    }

    private static readonly string[] ConvolutionalFields =
        ["conv_blocks", "convs_per_block", "channels", "growth", "kernel_size", "padding", "stride", "dilation",
            "dropout2d", "pool"];
    private static readonly string[] HeadFields = ["hidden", "dropout", "batch_norm", "activation"];
    private static readonly string[] ResNetFields = ["depth", "stem"];

    /// <summary>Fields written in the file for a kind of model that has no such part.</summary>
    private static void CheckModelFields(ModelSpec model, YamlMappingNode root, SpecLocator locator)
    {
        var unused = model.Kind switch
        {
            ModelKind.Resnet => [.. ConvolutionalFields, .. HeadFields],
            ModelKind.Mlp => [.. ConvolutionalFields, .. ResNetFields],
            _ => ResNetFields,
        };
        foreach (var field in unused)
            if (Written(root, $"model.{field}") is { } node)
                throw locator.Error(node, $"model.{field}",
                    $"expected no {field} for model kind {Spelled(model.Kind)}, which has none to set");
    }

    /// <summary>Dataset fields written for a kind of dataset that never reads them.</summary>
    private static void CheckDatasetFields(DatasetSpec dataset, YamlMappingNode root, SpecLocator locator)
    {
        (string Field, string Why)[] unused = dataset.Name == DatasetKind.ImageFolder
            ? [("download", "an image folder is never downloaded; dataset.path names it")]
            :
            [
                ("image_size", $"its files hold {InputNormalization.SideOf(dataset)} px images; dataset.resize changes their size"),
                ("test_fraction", "its files hold their own test split, of which dataset.test_subset takes a part"),
            ];
        foreach (var (field, why) in unused)
            if (Written(root, $"dataset.{field}") is { } node)
                throw locator.Error(node, $"dataset.{field}",
                    $"expected no {field} for dataset {Spelled(dataset.Name)}: {why}");
    }

    private static string Spelled(Enum value) => EnumSpelling.Format(value);

    /// <summary>The node of a key written in the file (or by an override), or null when it was not.</summary>
    internal static YamlNode? Written(YamlMappingNode root, string path) =>
        Walk(root, path) is (var node, Complete: true) ? node : null;

    /// <summary>The node written at the path, or the deepest section above it that was written (a value can
    /// come from a preset rather than the file).</summary>
    private static YamlNode NodeAt(YamlMappingNode root, string path) => Walk(root, path).Node;

    private static (YamlNode Node, bool Complete) Walk(YamlMappingNode root, string path)
    {
        YamlNode node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode section
                || section.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key) is not { } written)
                return (node, false);
            node = section.Children[written];
        }
        return (node, true);
    }
}
