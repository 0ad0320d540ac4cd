using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Reads weights written by TorchSharp's <c>module.save</c> into the module's own tensors, wherever they
/// live. TorchSharp 0.107's <c>module.load</c> moves a CUDA module to the CPU and back, which replaces (and disposes)
/// every parameter: an optimizer created before the load would then step tensors the model no longer has. Each
/// tensor's own <c>Load</c> copies through the CPU into the tensor in place, so parameters keep their identity.</summary>
public static class InPlaceLoad
{
    public static void Load(nn.Module module, BinaryReader reader)
    {
        var state = module.state_dict();
        var entries = ReadCount(reader);
        if (entries != state.Count)
            throw new ArgumentException($"Mismatched state_dict sizes: expected {state.Count}, but found {entries} entries.");
        for (var i = 0; i < entries; i++)
        {
            var key = reader.ReadString();
            if (!state.TryGetValue(key, out var tensor))
                throw new ArgumentException(
                    $"Mismatched module state names: the target module has no parameter or buffer named '{key}'");
            tensor.Load(reader);
        }
    }

    /// <summary>The entry count as <c>module.save</c> writes it: unsigned LEB128 (TorchSharp keeps its codec internal).</summary>
    private static long ReadCount(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            long next = reader.ReadByte();
            result += (next & 0x7f) << shift;
            if ((next & 0x80) == 0)
                return result;
        }
    }

    public static void Load(nn.Module module, string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        Load(module, reader);
    }
}
