namespace Sweep.Trials.Specs;

/// <summary>The one table of allowed values for every numeric field of a spec file, keyed by dotted path.
/// The sweep's <c>search.*</c> fields are here too, so that every range a user can hit is read from one place.
/// For list fields (<c>model.hidden</c>, <c>training.milestones</c>) the range applies to each entry.</summary>
public static class SpecRanges
{
    public static IReadOnlyDictionary<string, ValueRange> ByPath { get; } = new Dictionary<string, ValueRange>
    {
        ["dataset.train_subset"] = ValueRange.AtLeast(0),
        ["dataset.test_subset"] = ValueRange.AtLeast(0),
        ["dataset.validation_fraction"] = ValueRange.Inside(0, 1),
        ["dataset.test_fraction"] = ValueRange.Inside(0, 1),
        ["dataset.image_size"] = ValueRange.AtLeast(8),
        ["dataset.channels"] = ValueRange.OneOf(1, 3),
        ["dataset.resize"] = ValueRange.Between(0, 4096),
        ["dataset.crop"] = ValueRange.Between(0, 4096),
        ["dataset.augmentation.crop_padding"] = ValueRange.AtLeast(0),
        ["dataset.augmentation.rotation_degrees"] = ValueRange.Between(0, 180),
        ["dataset.augmentation.translate_fraction"] = ValueRange.Between(0, 0.5),
        ["dataset.augmentation.brightness"] = ValueRange.Between(0, 1),
        ["dataset.augmentation.contrast"] = ValueRange.Between(0, 1),
        ["dataset.augmentation.saturation"] = ValueRange.Between(0, 1),
        ["dataset.augmentation.hue"] = ValueRange.Between(0, 0.5),
        ["dataset.augmentation.resized_crop_scale"] = ValueRange.FromUpTo(0, 1),

        ["model.conv_blocks"] = ValueRange.Between(1, 7),
        ["model.convs_per_block"] = ValueRange.AtLeast(1),
        ["model.channels"] = ValueRange.AtLeast(1),
        ["model.growth"] = ValueRange.Above(0),
        ["model.kernel_size"] = ValueRange.AtLeast(1),
        ["model.padding"] = ValueRange.AtLeast(0),
        ["model.stride"] = ValueRange.AtLeast(1),
        ["model.dilation"] = ValueRange.AtLeast(1),
        ["model.dropout"] = ValueRange.FromUpTo(0, 1),
        ["model.dropout2d"] = ValueRange.FromUpTo(0, 1),
        ["model.hidden"] = ValueRange.AtLeast(1),
        ["model.depth"] = ValueRange.OneOf(18, 34, 50),

        ["training.epochs"] = ValueRange.Between(1, 10000),
        ["synthetic.seconds_per_epoch"] = ValueRange.Between(0, 3600),
        ["training.batch_size"] = ValueRange.Between(1, 65536),
        ["training.lr"] = ValueRange.Above(0),
        ["training.backbone_lr"] = ValueRange.Above(0),
        ["training.momentum"] = ValueRange.FromUpTo(0, 1),
        ["training.weight_decay"] = ValueRange.AtLeast(0),
        ["training.l1"] = ValueRange.AtLeast(0),
        ["training.l2"] = ValueRange.AtLeast(0),
        ["training.step_size"] = ValueRange.AtLeast(1),
        ["training.gamma"] = ValueRange.Above(0),
        ["training.milestones"] = ValueRange.AtLeast(1),
        ["training.warmup_steps"] = ValueRange.AtLeast(0),
        ["training.label_smoothing"] = ValueRange.FromUpTo(0, 1),
        ["training.grad_clip"] = ValueRange.AtLeast(0),
        ["training.patience"] = ValueRange.AtLeast(0),
        ["training.train_eval_size"] = ValueRange.AtLeast(1),
        ["training.misclassified_examples"] = ValueRange.AtLeast(0),

        ["search.repeats"] = ValueRange.Between(1, 100),
        ["search.max_trials"] = ValueRange.AtLeast(1),
        ["search.trials"] = ValueRange.AtLeast(1),
        ["search.interactions"] = ValueRange.AtLeast(0),
        ["search.retries"] = ValueRange.Between(0, 10),
        ["search.early_stopping.grace_epochs"] = ValueRange.AtLeast(1),
        ["search.early_stopping.reduction"] = ValueRange.AtLeast(2),
        ["search.early_stopping.min_trials"] = ValueRange.AtLeast(1),
    };
}
