using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models.Torchvision;

/// <summary>Runs resnet18_reference.py with Debian's PyTorch once per test class and holds what it wrote.</summary>
public sealed class TorchvisionReference : IDisposable
{
    public TorchvisionReference()
    {
        Folder = Directory.CreateTempSubdirectory("sweep-torchvision-").FullName;
        DebianPython.Run("resnet18_reference.py", Folder);
        using var stream = File.OpenRead(Path.Combine(Folder, "reference.pth"));
        Tensors = PyTorchUnpickler.UnpickleStateDict(stream).Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (Tensor)entry.Value!);
        Keys = [.. File.ReadAllLines(Path.Combine(Folder, "keys.txt")).Select(line => line.Split(' '))
            .Select(parts => (parts[0], parts[1] == "" ? Array.Empty<long>() : parts[1].Split(',').Select(long.Parse).ToArray()))];
    }

    public string Folder { get; }
    public string StateDictPath => Path.Combine(Folder, "resnet18.pth");
    /// <summary>torchvision's state-dict keys in order, with their shapes.</summary>
    public IReadOnlyList<(string Name, long[] Shape)> Keys { get; }
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    public void Dispose()
    {
        foreach (var tensor in Tensors.Values)
            tensor.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
