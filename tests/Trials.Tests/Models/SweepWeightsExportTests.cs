using System.Collections;
using Sweep.Trials.Checkpoints;
using Sweep.Trials.Models;
using Sweep.Trials.Tests.Data;
using TorchSharp.PyBridge;
using static Sweep.Trials.Tests.Models.ModelTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

public sealed class SweepWeightsExportTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ToPyTorch_WritesEveryTensorUnderItsName()
    {
        using var module = Build(PlanFashionMnist(Tiny with { BatchNorm = true }), seed: 3);
        module.save(folder.File("best-model.pt"));
        using var output = new MemoryStream();

        SweepWeightsExport.ToPyTorch(folder.File("best-model.pt"), output);

        output.Position = 0;
        var written = PyTorchUnpickler.UnpickleStateDict(output).Cast<DictionaryEntry>().ToList();
        var expected = module.state_dict();
        Assert.Equal(expected.Keys.Order(), written.Select(entry => (string)entry.Key).Order());
        Assert.All(written, entry => Assert.True(Identical(expected[(string)entry.Key], (Tensor)entry.Value!), (string)entry.Key));
    }

    [Fact]
    public void Read_TruncatedFile_NamesTheFileAndWhereItBroke()
    {
        using var module = Build(PlanFashionMnist(Tiny), seed: 3);
        module.save(folder.File("whole.pt"));
        var bytes = File.ReadAllBytes(folder.File("whole.pt"));
        File.WriteAllBytes(folder.File("best-model.pt"), bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CheckpointException>(() => SweepWeightsExport.Read(folder.File("best-model.pt")));

        Assert.StartsWith($"{folder.File("best-model.pt")}: weights: expected model weights saved by sweep (TorchSharp's "
            + "format), but it ends or breaks off after ", error.Message);
    }
}
