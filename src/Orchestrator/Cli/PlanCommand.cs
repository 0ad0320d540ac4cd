using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep plan spec.yaml</c>: the trial table, without running anything.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML)." };
        var command = new Command("plan", "Print the trials a spec plans (index, changes, seed) without running them.") { spec };
        command.SetAction((parse, _) => UserErrors.Guard(() => Task.FromResult(Print(parse.GetValue(spec)!))));
        return command;
    }

    private static int Print(FileInfo specFile)
    {
        var spec = new SpecLoader().ReadFile(specFile.FullName);
        var plan = SweepPlanner.InitialPlan(spec);
        foreach (var note in ImplicitDefaults.Of(spec))
            AnsiConsole.WriteLine(note);
        var table = new Table().AddColumns("trial", "role", "changes", "repeat", "seed");
        foreach (var trial in plan)
            table.AddRow($"{trial.Index}", trial.Role, Markup.Escape(trial.Description), $"{trial.Repeat}", $"{trial.Seed}");
        AnsiConsole.Write(table);
        var adaptive = spec.Search.Strategy == SearchStrategy.OfatAdaptive || spec.Search.Interactions > 0
            ? " (more are planned from results as the sweep runs)" : "";
        AnsiConsole.MarkupLineInterpolated($"{plan.Count} trials, {spec.Baseline.Training.Epochs} epochs each{adaptive}");
        return 0;
    }
}
