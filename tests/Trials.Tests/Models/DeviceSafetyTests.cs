using Sweep.Trials.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

/// <summary>What keeps the CUDA path from breaking, checked where it can be on a CPU.</summary>
public sealed class DeviceSafetyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dropout_OnTheCpu_GivesExactlyTheMaskDrawnOnTheInputsDevice(bool channelwise)
    {
        using var input = randn([8, 4, 5, 5], generator: new Generator(7));
        using var generator = new Generator(42);
        using var reference = new Generator(42);
        using var dropout = new SeededDropout(0.3, channelwise, generator);
        dropout.train();

        using var output = dropout.call(input);

        long[] maskShape = channelwise ? [8, 4, 1, 1] : [8, 4, 5, 5];
        using var uniform = rand(maskShape, dtype: input.dtype, device: input.device, generator: reference);
        using var expected = input.mul(uniform.ge(0.3).to_type(input.dtype).div_(0.7));
        Assert.Equal(expected.data<float>().ToArray(), output.data<float>().ToArray());
    }

    [Fact]
    public void DropoutMasks_AreDrawnOnTheDeviceOfTheGenerator()
    {
        using var generator = new Generator(1);

        Assert.Equal(generator.device.type, SeededDropout.MaskDevice.type);
        Assert.Equal(DeviceType.CPU, SeededDropout.MaskDevice.type);
    }

    [Fact]
    public void InPlaceLoad_KeepsEveryParameterTensor_AndLoadsWhatModuleLoadLoads()
    {
        using var saved = nn.Linear(6, 3);
        using var target = nn.Linear(6, 3);
        using var byTorchSharp = nn.Linear(6, 3);
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            saved.save(writer);
        var handles = target.parameters().Select(p => p.Handle).ToList();

        InPlaceLoad.Load(target, new BinaryReader(new MemoryStream(bytes.ToArray())));
        byTorchSharp.load(new BinaryReader(new MemoryStream(bytes.ToArray())));

        Assert.Equal(handles, target.parameters().Select(p => p.Handle));
        foreach (var (name, tensor) in target.state_dict())
            Assert.Equal(byTorchSharp.state_dict()[name].data<float>().ToArray(), tensor.data<float>().ToArray());
        Assert.Equal(saved.weight!.data<float>().ToArray(), target.weight!.data<float>().ToArray());
    }

    [Fact]
    public void InPlaceLoad_OfAnotherShape_IsRefused()
    {
        using var saved = nn.Linear(6, 3);
        using var target = nn.Linear(6, 4);
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            saved.save(writer);

        Assert.Throws<ArgumentException>(() => InPlaceLoad.Load(target, new BinaryReader(new MemoryStream(bytes.ToArray()))));
    }
}
