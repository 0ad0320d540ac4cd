using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trials.Training;

/// <summary>The weights of the best epoch so far, kept in memory for the final test evaluation and, when the trial
/// has a run directory, on disk (written atomically) so a resumed trial still tests the best epoch's model.</summary>
internal sealed class BestWeights(string? runDirectory) : IDisposable
{
    private Dictionary<string, Tensor>? weights;

    private string? FilePath => runDirectory is null ? null : Path.Combine(runDirectory, TrialRunner.BestModelFileName);

    public void Keep(nn.Module model)
    {
        Replace(model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope()));
        if (FilePath is not { } path)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        try
        {
            model.save(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            // A save that failed (a full disk) leaves no partial file behind.
            File.Delete(temporary);
        }
    }

    public void CopyInto(nn.Module model)
    {
        if (weights is not null)
            model.load_state_dict(weights, strict: true);
        else if (FilePath is { } path && File.Exists(path))
            Models.InPlaceLoad.Load(model, path);
    }

    private void Replace(Dictionary<string, Tensor> next)
    {
        Dispose();
        weights = next;
    }

    public void Dispose()
    {
        if (weights is null)
            return;
        foreach (var tensor in weights.Values)
            tensor.Dispose();
        weights = null;
    }
}
