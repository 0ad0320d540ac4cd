using System.Collections;
using Sweep.Trials.Specs;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Sweep.Trials.Models;

/// <summary>Loads a PyTorch state dict (<c>torch.save(model.state_dict(), path)</c>, as torchvision publishes its
/// weights) into a module by name. The file is read by TorchSharp.PyBridge's unpickler; its <c>load_py</c> is not
/// used because it stops at the first difference without naming it and does not compare shapes, whereas a user
/// needs every missing, unexpected and mis-shaped entry named at once.</summary>
internal static class PyTorchStateDict
{
    /// <summary>Names shown per kind of problem; a file for another architecture differs in hundreds.</summary>
    private const int NamesShown = 10;

    // The format is told by content, not extension: .pt, .pth and .bin are all used for both formats. torch.save has
    // written a zip archive since PyTorch 1.6, and TorchSharp's own files start with an entry count and a
    // length-prefixed name, which never begin with a zip signature.
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    // Before 1.6, torch.save wrote a bare pickle stream that opens with this magic number (0x1950a86a20f9469cfc6c).
    private static readonly byte[] LegacySignature =
        [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19];

    public static bool IsOne(string path) => StartsWith(path, ZipSignature) || StartsWith(path, LegacySignature);

    /// <param name="skip">Keys of the module left as they are (a replaced head), whatever the file holds for them.</param>
    /// <param name="outputLayer">The layer whose mismatch means another class count.</param>
    public static void Load(nn.Module module, string path, IReadOnlyCollection<string> skip, string outputLayer,
        string specFile)
    {
        if (StartsWith(path, LegacySignature))
            throw Unfit(specFile, path, "it was written by torch.save before PyTorch 1.6, which TorchSharp.PyBridge "
                + "cannot read; load it in PyTorch and save its state dict again");
        using var scope = NewDisposeScope();
        var saved = Read(path, specFile);
        var target = module.state_dict();
        var compared = target.Keys.Where(key => !skip.Contains(key)).ToList();
        var missing = compared.Where(key => !saved.ContainsKey(key)).ToList();
        var unexpected = saved.Keys.Where(key => !target.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var misshaped = compared.Where(key => saved.TryGetValue(key, out var tensor)
            && !tensor.shape.SequenceEqual(target[key].shape)).ToList();
        if (missing.Count + unexpected.Count + misshaped.Count > 0)
        {
            var problems = new[]
            {
                Listed("missing", missing),
                Listed("unexpected", unexpected),
                Listed("shape differs for", misshaped.Select(key =>
                    $"{key} ({Shape(saved[key])} in the file, {Shape(target[key])} here)").ToList()),
            }.Where(problem => problem.Length > 0);
            var headHint = misshaped.Any(key => key.StartsWith(outputLayer + ".", StringComparison.Ordinal))
                ? "; a different class count needs model.replace_head"
                : "";
            throw Unfit(specFile, path, string.Join("; ", problems) + headHint);
        }
        using var noGrad = no_grad();
        foreach (var key in compared)
            target[key].copy_(saved[key]);
    }

    private static Dictionary<string, Tensor> Read(string path, string specFile)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return PyTorchUnpickler.UnpickleStateDict(stream).Cast<DictionaryEntry>()
                .ToDictionary(entry => (string)entry.Key, entry => (Tensor)entry.Value!, StringComparer.Ordinal);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The unpickler's failures (a whole pickled model, a dict of dicts, a damaged archive) have no common type.
            throw Unfit(specFile, path, $"it is a PyTorch file but not a state dict of tensors ({error.Message}); "
                + "save one with torch.save(model.state_dict(), path)");
        }
    }

    private static string Listed(string problem, IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        <= NamesShown => $"{problem} {string.Join(", ", names)}",
        _ => $"{problem} {string.Join(", ", names.Take(NamesShown))} and {names.Count - NamesShown} more",
    };

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static SpecException Unfit(string specFile, string path, string reason) =>
        new(specFile, null, "model.pretrained", $"PyTorch state dict '{path}' does not fit this model: {reason}");

    private static bool StartsWith(string path, byte[] signature)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[signature.Length];
        return stream.ReadAtLeast(start, signature.Length, throwOnEndOfStream: false) == signature.Length
            && start.SequenceEqual(signature);
    }
}
