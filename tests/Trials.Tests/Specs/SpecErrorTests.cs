using Sweep.Trials.Specs;
using static Sweep.Trials.Tests.Specs.SpecAssert;

namespace Sweep.Trials.Tests.Specs;

public class SpecErrorTests
{
    [Theory]
    [InlineData("name: a\nmodel:\n  - x\n hidden: 2\n", 4, "syntax: while parsing a block mapping, did not find expected key")]
    [InlineData("name: 'unterminated\n", 1, "syntax: while scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("name: a\ntraining: { epochs: 3\nmodel: {}\n", 2, "syntax: invalid YAML; is a '[' or '{' left open?")]
    [InlineData("name: a\n---\nname: b\n", 3, "syntax: expected one YAML document, found a second one")]
    public void MalformedYaml_NamesTheLine(string yaml, int line, string expected) =>
        Assert.Equal($"{Yaml}:{line}: {expected}", Error(yaml));

    [Fact]
    public void DuplicateKey_IsASyntaxErrorAtItsLine() =>
        Assert.Equal($"{Yaml}:3: syntax: duplicate key lr", Error("training:\n  lr: 0.1\n  lr: 0.2\n"));

    [Fact]
    public void EmptyFile_SaysWhatWasExpected() =>
        Assert.Equal($"{Yaml}:1: spec: expected a mapping of sections (name, seed, dataset, model, training, objective, kind, synthetic), found an empty file",
            Error("# nothing here\n"));

    [Fact]
    public void TopLevelList_SaysWhatWasExpected() =>
        Assert.Equal($"{Yaml}:1: spec: expected a mapping of sections (name, seed, dataset, model, training, objective, kind, synthetic), found a list",
            Error("- name: a\n- name: b\n"));

    [Fact]
    public void UnknownKey_SuggestsTheNearestField() =>
        Assert.Equal($"{Yaml}:3: training.lerning_rate: unknown field 'lerning_rate'; did you mean 'lr'?",
            Error("name: a\ntraining:\n  lerning_rate: 0.1\n"));

    [Fact]
    public void UnknownTopLevelKey_SuggestsTheNearestSection() =>
        Assert.Equal($"{Yaml}:2: trainig: unknown field 'trainig'; did you mean 'training'?",
            Error("name: a\ntrainig: { epochs: 1 }\n"));

    [Fact]
    public void UnknownNestedKey_SuggestsByEditDistance() =>
        Assert.Equal($"{Yaml}:4: dataset.augmentation.horizontal_flipp: unknown field 'horizontal_flipp'; did you mean 'horizontal_flip'?",
            Error("dataset:\n  name: mnist\n  augmentation:\n    horizontal_flipp: true\n"));

    [Theory]
    [InlineData("training: { lr: fast }", "training.lr: expected a number, found 'fast'")]
    [InlineData("training: { epochs: 2.5 }", "training.epochs: expected an integer, found '2.5'")]
    [InlineData("training: { nesterov: yes }", "training.nesterov: expected true or false, found 'yes'")]
    [InlineData("training: { lr: }", "training.lr: expected a number, found nothing")]
    [InlineData("training: { lr: [1] }", "training.lr: expected a number, found a list")]
    [InlineData("model: { hidden: 128 }", "model.hidden: expected a list of integers, found '128'")]
    [InlineData("model: { hidden: [64, wide] }", "model.hidden: expected an integer, found 'wide'")]
    [InlineData("model: 3", "model: expected a mapping of fields, found '3'")]
    [InlineData("seed: 1.5", "seed: expected an integer, found '1.5'")]
    [InlineData("name: [a]", "name: expected text, found a list")]
    public void WrongType_NamesFieldExpectationAndFoundValue(string yaml, string expected) =>
        Assert.Equal($"{Yaml}:1: {expected}", Error(yaml));

    [Theory]
    [InlineData("model: { dropout: 1.5 }", "model.dropout: expected 0 ≤ value < 1, found 1.5")]
    [InlineData("training: { lr: -1 }", "training.lr: expected a number > 0, found -1")]
    [InlineData("training: { lr: 0 }", "training.lr: expected a number > 0, found 0")]
    [InlineData("training: { epochs: 0 }", "training.epochs: expected 1 ≤ value ≤ 10000, found 0")]
    [InlineData("training: { batch_size: 65537 }", "training.batch_size: expected 1 ≤ value ≤ 65536, found 65537")]
    [InlineData("model: { conv_blocks: 8 }", "model.conv_blocks: expected 1 ≤ value ≤ 7, found 8")]
    [InlineData("model: { padding: -1 }", "model.padding: expected an integer ≥ 0, found -1")]
    [InlineData("model: { hidden: [64, 0] }", "model.hidden: expected an integer ≥ 1, found 0")]
    [InlineData("dataset: { validation_fraction: 1 }", "dataset.validation_fraction: expected 0 < value < 1, found 1")]
    [InlineData("dataset: { channels: 2 }", "dataset.channels: expected 1 or 3, found 2")]
    [InlineData("dataset: { image_size: 4 }", "dataset.image_size: expected an integer ≥ 8, found 4")]
    [InlineData("dataset: { augmentation: { rotation_degrees: 181 } }", "dataset.augmentation.rotation_degrees: expected 0 ≤ value ≤ 180, found 181")]
    [InlineData("dataset: { augmentation: { translate_fraction: 0.6 } }", "dataset.augmentation.translate_fraction: expected 0 ≤ value ≤ 0.5, found 0.6")]
    [InlineData("training: { momentum: 1 }", "training.momentum: expected 0 ≤ value < 1, found 1")]
    [InlineData("training: { label_smoothing: -0.1 }", "training.label_smoothing: expected 0 ≤ value < 1, found -0.1")]
    public void OutOfRange_StatesTheRange(string yaml, string expected) =>
        Assert.Equal($"{Yaml}:1: {expected}", Error(yaml));

    [Fact]
    public void UnknownEnumValue_ListsTheAllowedSpellings()
    {
        Assert.Equal($"{Yaml}:2: training.optimizer: expected one of sgd, adam, adamw, rmsprop, found 'sgdd'",
            Error("name: a\ntraining: { optimizer: sgdd }"));
        Assert.Equal($"{Yaml}:1: dataset.name: expected one of fashion-mnist, mnist, cifar10, image-folder, found 'svhn'",
            Error("dataset: { name: svhn }"));
        Assert.Equal($"{Yaml}:1: model.activation: expected one of relu, leaky_relu, elu, tanh, found 'gelu'",
            Error("model: { activation: gelu }"));
        Assert.Equal($"{Yaml}:1: objective.metric: expected one of val_accuracy, val_loss, train_loss, train_accuracy, found 'f1'",
            Error("objective: { metric: f1 }"));
        Assert.Equal($"{Yaml}:1: training.schedule: expected one of constant, step, multistep, cosine, exponential, found 'linear'",
            Error("training: { schedule: linear }"));
    }

    [Fact]
    public void Milestones_MustAscend() =>
        Assert.Equal($"{Yaml}:3: training.milestones: expected epochs in ascending order, found [6, 3]",
            Error("training:\n  schedule: multistep\n  milestones: [6, 3]\n"));

    [Theory]
    [InlineData("resnet", "fc")]
    [InlineData("cnn", "head.out")]
    public void BackboneLr_WithOnlyTheOutputLayerTrainable_IsRefused(string kind, string outputLayer) =>
        Assert.Equal($"{Yaml}:6: training.backbone_lr: expected model.trainable to name a layer besides {outputLayer}; "
            + $"only {outputLayer} trains, at training.lr, so backbone_lr would be ignored",
            Error($"model:\n  kind: {kind}\n  pretrained: runs/x.bin\n  trainable: [{outputLayer}]\ntraining:\n  backbone_lr: 0.0001\n"));

    [Fact]
    public void BackboneLr_WithMoreThanTheOutputLayerTrainable_IsRead() =>
        Assert.Equal(1e-4, Read("model:\n  kind: resnet\n  pretrained: runs/x.bin\n  trainable: [layer4, fc]\n"
            + "training:\n  backbone_lr: 0.0001\n").Training.BackboneLr);

    [Fact]
    public void FreezeAndTrainable_AreRefusedTogetherAtFreezesLine() =>
        Assert.Equal($"{Yaml}:5: model.freeze: expected either model.trainable or model.freeze, found both; one is the other's complement",
            Error("model:\n  kind: resnet\n  pretrained: runs/x.bin\n  trainable: [layer4, fc]\n  freeze: [conv1, bn1]\n"));

    [Theory]
    [InlineData("[airplane, horse]", null)]
    [InlineData("[airplane, plane]", "unknown class 'plane'; expected names from: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck")]
    [InlineData("[bird, bird]", "expected each class once, found 'bird' twice")]
    [InlineData("[bird]", "expected at least two classes, found only 'bird'")]
    public void Classes_OfCifar10_AreCheckedByName(string classes, string? problem)
    {
        var yaml = $"dataset:\n  name: cifar10\n  classes: {classes}\n";
        if (problem is null)
            Assert.Equal(2, Read(yaml).Dataset.Classes.Count);
        else
            Assert.Equal($"{Yaml}:3: dataset.classes: {problem}", Error(yaml));
    }

    [Theory]
    [InlineData("dataset:\n  name: mnist\n  normalize: imagenet\n", 3)]
    [InlineData("dataset:\n  name: fashion-mnist\nmodel:\n  kind: resnet\n  pretrained: torchvision:resnet18\n", 5)]
    public void ImagenetNormalization_OfGrayscaleInput_IsRefusedAtItsCause(string yaml, int line) =>
        Assert.Equal($"{Yaml}:{line}: dataset.channels: expected 3 with ImageNet normalization (ImageNet-pretrained weights take RGB input), found 1; set dataset.channels: 3",
            Error(yaml));

    [Fact]
    public void Crop_LargerThanTheResizedImages_IsRefusedAtItsLine() =>
        Assert.Equal($"{Yaml}:4: dataset.crop: expected a crop no larger than the 32×32 images it cuts from, found 40; lower dataset.crop or raise dataset.resize",
            Error("dataset:\n  name: mnist\n  resize: 32\n  crop: 40\n"));

    [Fact]
    public void Hue_OfGrayscaleImages_IsRefusedAtItsLine() =>
        Assert.Equal($"{Yaml}:5: dataset.augmentation.hue: expected 0 for grayscale images, which have no colour to change; set dataset.channels: 3",
            Error("dataset:\n  name: fashion-mnist\n  augmentation:\n    horizontal_flip: true\n    hue: 0.1\n"));

    [Fact]
    public void Normalize_UnknownValue_ListsTheValidOnes() =>
        Assert.Equal($"{Yaml}:2: dataset.normalize: expected one of imagenet, dataset, found 'cifar'",
            Error("dataset:\n  normalize: cifar\n"));

    [Fact]
    public void Freeze_NeedsPretrained() =>
        Assert.Equal($"{Yaml}:3: model.freeze: expected model.pretrained to be set as well; frozen layers only apply to a pretrained model",
            Error("model:\n  kind: resnet\n  freeze: [conv1, bn1, layer1]\n"));

    [Fact]
    public void Trainable_NeedsPretrained() =>
        Assert.Equal($"{Yaml}:2: model.trainable: expected model.pretrained to be set as well; trainable layers only apply to a pretrained model",
            Error("model:\n  trainable: [head]\n"));

    [Theory]
    [InlineData("training:\n  optimizer: adam\n  nesterov: true\n", 3,
        "training.nesterov: expected false with optimizer adam; Nesterov momentum is SGD's only")]
    [InlineData("training:\n  optimizer: sgd\n  momentum: 0\n  nesterov: true\n", 4,
        "training.nesterov: expected false with training.momentum 0; Nesterov momentum needs a momentum above 0")]
    [InlineData("training:\n  schedule: multistep\n", 2,
        "training.milestones: expected at least one epoch with schedule multistep, found none")]
    [InlineData("training:\n  schedule: cosine\n  milestones: [3]\n", 3,
        "training.milestones: expected training.schedule multistep to go with it, found schedule cosine, which does not use it")]
    [InlineData("training:\n  step_size: 3\n", 2,
        "training.step_size: expected training.schedule step to go with it, found schedule constant, which does not use it")]
    [InlineData("training:\n  schedule: cosine\n  gamma: 0.5\n", 3,
        "training.gamma: expected training.schedule step or multistep or exponential to go with it, found schedule cosine, which does not use it")]
    [InlineData("model:\n  replace_head: true\n", 2,
        "model.replace_head: expected model.pretrained to be set as well; only a pretrained model has a head to replace")]
    [InlineData("model:\n  kind: resnet\n  dropout: 0.3\n", 3,
        "model.dropout: expected no dropout for model kind resnet, which has none to set")]
    [InlineData("model:\n  kind: mlp\n  channels: 16\n", 3,
        "model.channels: expected no channels for model kind mlp, which has none to set")]
    [InlineData("model:\n  depth: 34\n", 2,
        "model.depth: expected no depth for model kind cnn, which has none to set")]
    [InlineData("dataset:\n  name: fashion-mnist\n  image_size: 64\n", 3,
        "dataset.image_size: expected dataset.name image-folder to go with it, found name fashion-mnist, which does not use it; dataset.resize scales the images of any dataset")]
    [InlineData("dataset:\n  name: mnist\n  test_fraction: 0.1\n", 3,
        "dataset.test_fraction: expected dataset.name image-folder to go with it, found name mnist, which does not use it; its files hold a test split of their own")]
    [InlineData("dataset:\n  name: image-folder\n  path: images\n  download: true\n", 4,
        "dataset.download: expected dataset.name fashion-mnist or mnist or cifar10 to go with it, found name image-folder, which does not use it; an image folder is read where it is")]
    [InlineData("model:\n  download: true\n", 2,
        "model.download: expected model.pretrained to name published weights (torchvision:resnet18, torchvision:resnet34, torchvision:resnet50) to go with it, found no model.pretrained")]
    [InlineData("model:\n  pretrained: weights.pt\n  download: true\n", 3,
        "model.download: expected model.pretrained to name published weights (torchvision:resnet18, torchvision:resnet34, torchvision:resnet50) to go with it, found a weights file, which is read where it is")]
    [InlineData("model:\n  conv_blocks: 1\n  growth: 1.5\n", 3,
        "model.growth: expected model.conv_blocks above 1 to go with it, found conv_blocks 1, whose one block has nothing to grow from")]
    [InlineData("training:\n  epochs: 5\n  patience: 5\n", 3,
        "training.patience: expected fewer than training.epochs (5), found 5; the first epoch always improves on validation loss, so the trial could never stop early")]
    [InlineData("model:\n  kind: mlp\n  hidden: []\n  batch_norm: true\n", 4,
        "model.batch_norm: expected model.hidden to list a layer to go with it, found none; an MLP normalises its hidden layers only")]
    [InlineData("model:\n  kind: mlp\n  batch_norm: true\ntraining:\n  batch_size: 1\n", 5,
        "training.batch_size: expected at least 2 with model.batch_norm on an MLP, found 1; a batch of one image has no variance to normalise by")]
    [InlineData("synthetic:\n  seconds_per_epoch: 0.5\n", 2,
        "synthetic.seconds_per_epoch: expected kind synthetic to go with it, found kind torch, which does not use it")]
    public void OptionsTheTrainerWouldRefuseOrIgnore_AreRefusedAtTheirLine(string yaml, int line, string expected) =>
        Assert.Equal($"{Yaml}:{line}: {expected}", Error(yaml));

    [Fact]
    public void UnknownPreset_PointsAtThePresetLine() =>
        Assert.Equal($"{Yaml}:3: model.preset: expected one of two-conv, tiny-mlp, found 'three-conv'",
            Error("name: a\nmodel:\n  preset: three-conv\n"));
}
