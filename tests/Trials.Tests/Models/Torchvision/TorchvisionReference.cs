using System.Collections;
using System.Diagnostics;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models.Torchvision;

/// <summary>Runs resnet18_reference.py with Debian's PyTorch once per test class and holds what it wrote. A machine
/// without /usr/bin/python3 or python3-torchvision fails the tests, saying what to install, rather than skipping.</summary>
public sealed class TorchvisionReference : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public TorchvisionReference()
    {
        Folder = Directory.CreateTempSubdirectory("sweep-torchvision-").FullName;
        Run(Path.Combine(AppContext.BaseDirectory, "Models", "Torchvision", "resnet18_reference.py"), Folder);
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

    private static void Run(string script, string folder)
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing; install python3-torchvision (apt-get install python3-torchvision)");
        using var process = Process.Start(new ProcessStartInfo(Python, [script, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new TimeoutException($"{script} did not finish within {Timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Python} {script} failed (is python3-torchvision installed?): {errors.Result}");
    }
}
