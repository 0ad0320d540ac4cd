using System.IO.Compression;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using TorchSharp.PyBridge;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

/// <summary>model.pretrained given a PyTorch state dict; the files are written in torch.save's format by PyBridge.</summary>
public sealed class PyTorchStateDictTests : IDisposable
{
    private static readonly ModelSpec SmallResNet = new() { Kind = ModelKind.Resnet, Depth = 18, Stem = ResNetStem.Small };

    private readonly string directory = Directory.CreateTempSubdirectory("sweep-pytorch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string SaveForPyTorch(ModelSpec spec, int classes, ulong seed)
    {
        var path = Path.Combine(directory, $"weights-{spec.Kind}-{classes}-{seed}.pth");
        using var module = Build(PlanFashionMnist(spec, classes), seed);
        module.save_py(path);
        return path;
    }

    private static SpecException Refusal(ModelPlan plan)
    {
        using var module = Build(plan, seed: 2);
        return Assert.Throws<SpecException>(() => TransferLearning.Apply(module, plan, TestSpecFile));
    }

    [Fact]
    public void Apply_CnnStateDict_RestoresIdenticalOutputs()
    {
        var spec = Tiny with { BatchNorm = true };
        var path = SaveForPyTorch(spec, classes: 10, seed: 1);
        using var original = Build(PlanFashionMnist(spec), seed: 1);
        var plan = PlanFashionMnist(spec with { Pretrained = path });
        using var restored = Build(plan, seed: 2);
        TransferLearning.Apply(restored, plan, TestSpecFile);
        using var images = Images(3);
        original.eval();
        restored.eval();

        Assert.True(Identical(original.call(images), restored.call(images)));
    }

    [Fact]
    public void Apply_ResNetOfAnotherClassCount_NamesTheHeadShapesAndSuggestsReplaceHead()
    {
        var path = SaveForPyTorch(SmallResNet, classes: 10, seed: 1);

        var error = Refusal(PlanFashionMnist(SmallResNet with { Pretrained = path }, classes: 4));

        Assert.Equal("model.pretrained", error.Field);
        Assert.Equal($"PyTorch state dict '{path}' does not fit this model: shape differs for fc.weight ([10, 512] in "
            + "the file, [4, 512] here), fc.bias ([10] in the file, [4] here); a different class count needs "
            + "model.replace_head", error.Problem);
    }

    [Fact]
    public void Apply_ResNetWithReplaceHead_LoadsAllButTheFreshHead()
    {
        var path = SaveForPyTorch(SmallResNet, classes: 10, seed: 1);
        using var original = Build(PlanFashionMnist(SmallResNet), seed: 1);
        var plan = PlanFashionMnist(SmallResNet with { Pretrained = path, ReplaceHead = true }, classes: 4);
        using var transferred = Build(plan, seed: 2);

        TransferLearning.Apply(transferred, plan, TestSpecFile);

        var (before, after) = (original.state_dict(), transferred.state_dict());
        Assert.True(Identical(before["layer4.1.conv2.weight"], after["layer4.1.conv2.weight"]));
        Assert.True(Identical(before["layer3.0.downsample.1.running_var"], after["layer3.0.downsample.1.running_var"]));
        Assert.Equal([4L, 512], after["fc.weight"].shape);
    }

    [Fact]
    public void Apply_StateDictOfAnotherArchitecture_NamesMissingAndUnexpectedKeys()
    {
        var path = SaveForPyTorch(Tiny, classes: 10, seed: 1);

        var error = Refusal(PlanFashionMnist(SmallResNet with { Pretrained = path }));

        Assert.StartsWith($"PyTorch state dict '{path}' does not fit this model: missing conv1.weight, bn1.weight, "
            + "bn1.bias, layer1.0.conv1.weight,", error.Problem);
        Assert.EndsWith(" and 112 more; unexpected block1.conv1.bias, block1.conv1.weight, block2.conv1.bias, "
            + "block2.conv1.weight, head.fc1.bias, head.fc1.weight, head.out.bias, head.out.weight", error.Problem);
    }

    [Fact]
    public void Apply_FileFromPyTorchBefore16_IsRefusedSayingHowToResave()
    {
        var path = Path.Combine(directory, "legacy.pth");
        File.WriteAllBytes(path, [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]);

        var error = Refusal(PlanFashionMnist(Tiny with { Pretrained = path }));

        Assert.Contains("written by torch.save before PyTorch 1.6", error.Problem);
    }

    [Fact]
    public void Apply_ZipThatIsNotAStateDict_IsRefusedSayingWhatToSave()
    {
        var path = Path.Combine(directory, "archive.pt");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("archive/data.pkl").Open()))
            writer.Write("not a pickle");

        var error = Refusal(PlanFashionMnist(Tiny with { Pretrained = path }));

        Assert.Equal("model.pretrained", error.Field);
        Assert.Contains("not a state dict of tensors", error.Problem);
        Assert.EndsWith("save one with torch.save(model.state_dict(), path)", error.Problem);
    }
}
