using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>The weights of every planned trial, found (named weights also fetched) in the process that plans the
/// sweep: a missing file is then one line before anything runs, not a failure of every trial in its worker, and each
/// named file is downloaded once rather than by every worker that needs it.</summary>
public static class PretrainedWeightsPreflight
{
    public static void Check(IEnumerable<ModelSpec> models, string specFile)
    {
        models = models.ToList();
        foreach (var file in models.Select(model => model.Pretrained).OfType<string>()
                     .Where(pretrained => PretrainedNames.Find(pretrained) is null).Distinct())
            TransferLearning.ExistingWeightsFile(file, specFile);
        var needed = models
            .Where(model => model.Pretrained is { } pretrained && PretrainedNames.Find(pretrained) is not null)
            .Select(model => (Weights: PretrainedNames.Find(model.Pretrained!)!, model.Download))
            .Distinct()
            .ToList();
        if (needed.Count == 0)
            return;
        using var http = new HttpClient();
        var source = new NamedWeightsSource(ModelCache.FromEnvironment(), new FileDownloader(http));
        foreach (var (weights, download) in needed.OrderByDescending(need => need.Download))
            source.Resolve(weights, download, specFile);
    }
}
