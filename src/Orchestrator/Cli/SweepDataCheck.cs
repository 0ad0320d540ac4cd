using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Cli;

/// <summary>The data and named weights of every planned trial, read before any trial starts (see
/// <see cref="DataPreflight"/> and <see cref="PretrainedWeightsPreflight"/>); run and resume both check, since the files
/// may have changed since the sweep started.</summary>
public static class SweepDataCheck
{
    public static void Check(SpecLoader loader, SweepSpec spec, string? dataDirectory)
    {
        var trials = SweepPlanner.InitialPlan(spec).Select(trial => loader.Resolve(spec, trial)).ToList();
        CheckSplitFractions(spec, trials);
        DataPreflight.Check(trials.Select(trial => trial.Dataset), dataDirectory, spec.SourcePath);
        PretrainedWeightsPreflight.Check(trials.Select(trial => trial.Model), spec.SourcePath);
    }

    /// <summary>Which splits an image folder defines shows only on disk: a fraction the spec sets (in the file or
    /// in the search) for a split the folder already holds would be ignored, so it is refused at its line.</summary>
    private static void CheckSplitFractions(SweepSpec spec, IReadOnlyList<TrialSpec> trials)
    {
        var document = SpecDocument.Parse(spec.Text, spec.SourcePath);
        var layouts = trials.Select(trial => trial.Dataset).DistinctBy(dataset => (dataset.Name, dataset.Path))
            .Select(dataset => ImageFolderLayout.OfSpec(dataset, spec.SourcePath)).OfType<ImageFolderLayout>();
        foreach (var (field, problem) in layouts.SelectMany(layout => layout.UnreadFractions()))
        {
            if (spec.Search.Parameters.FirstOrDefault(parameter => parameter.Path == field) is { } varied)
                throw new SpecException(spec.SourcePath, varied.Line, $"search.parameters.{field}", problem);
            if (document.LineOf(field) is { } line)
                throw new SpecException(spec.SourcePath, line, field, problem);
        }
    }
}
