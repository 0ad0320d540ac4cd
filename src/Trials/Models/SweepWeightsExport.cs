using Sweep.Trials.Checkpoints;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Rewrites weights a trial saved (<c>best-model.pt</c>, TorchSharp's <c>module.save</c> format) as a PyTorch
/// state dict that <c>torch.load</c> and <c>load_state_dict</c> read, through TorchSharp.PyBridge's pickler. The file is
/// read entry by entry rather than into a rebuilt network, so exporting needs neither the trial's dataset nor its
/// spec; the names and shapes are those the network had, which for a ResNet are torchvision's.</summary>
public static class SweepWeightsExport
{
    public static void ToPyTorch(string sweepWeights, Stream output)
    {
        using var scope = NewDisposeScope();
        PyTorchPickler.PickleStateDict(output, Read(sweepWeights), leaveOpen: true);
    }

    /// <summary>The saved tensors in the order the network listed them (its state dict's order).</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            var count = ReadCount(reader);
            for (var entry = 0; entry < count; entry++)
            {
                var name = reader.ReadString();
                tensors[name] = TensorExtensionMethods.Load(reader);
            }
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException
            or NotImplementedException or OverflowException or System.Runtime.InteropServices.ExternalException)
        {
            throw Unusable(path, $"it ends or breaks off after {tensors.Count} tensors ({error.Message})");
        }
        if (reader.BaseStream.Position != reader.BaseStream.Length)
            throw Unusable(path, $"{reader.BaseStream.Length - reader.BaseStream.Position} bytes follow its last tensor");
        return tensors;
    }

    /// <summary>TorchSharp writes the entry count as an unsigned LEB128 number, with a codec it keeps internal.</summary>
    private static long ReadCount(BinaryReader reader)
    {
        long count = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift >= 63)
                throw new OverflowException("the entry count is not a valid LEB128 number");
            var part = reader.ReadByte();
            count |= (long)(part & 0x7F) << shift;
            if ((part & 0x80) == 0)
                return count;
        }
    }

    private static CheckpointException Unusable(string path, string problem) =>
        new(path, "weights", $"expected model weights saved by sweep (TorchSharp's format), but {problem}");
}
