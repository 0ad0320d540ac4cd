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
        // BatchNorm over the features of one image: no variance, and its running statistics become NaN.
        if (spec.Training.BatchSize == 1 && spec.Model is { Kind: ModelKind.Mlp, BatchNorm: true, Hidden.Count: > 0 })
            throw locator.Error(NodeAt(root, "training.batch_size"), "training.batch_size",
                "expected at least 2 with model.batch_norm on an MLP, found 1; a batch of one image has no variance to normalise by");
        if (spec.Training.Schedule == ScheduleKind.Multistep && spec.Training.Milestones.Count == 0)
            throw locator.Error(NodeAt(root, "training.schedule"), "training.milestones",
                "expected at least one epoch with schedule multistep, found none");
        UnusedTrialFields.Check(spec, root, locator);
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

    /// <summary>TorchSharp's SGD throws on Nesterov momentum without momentum.</summary>
    private static void CheckOptimizer(TrainingSpec training, YamlMappingNode root, SpecLocator locator)
    {
        if (training.Nesterov && training.Optimizer == OptimizerKind.Sgd && training.Momentum == 0)
            throw locator.Error(NodeAt(root, "training.nesterov"), "training.nesterov",
                "expected false with training.momentum 0; Nesterov momentum needs a momentum above 0");
    }

    private static YamlNode NodeAt(YamlMappingNode root, string path) => WrittenNodes.NodeAt(root, path);
}
