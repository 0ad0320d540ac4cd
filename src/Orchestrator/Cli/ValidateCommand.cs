using System.CommandLine;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep validate spec.yaml</c>: every check a run would make before training, and nothing else.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML)." };
        var command = new Command("validate", "Check a spec: fields, types, ranges, parameter paths and values.") { spec };
        command.SetAction((parse, _) => UserErrors.Guard(() => Task.FromResult(Validate(parse.GetValue(spec)!))));
        return command;
    }

    private static int Validate(FileInfo specFile)
    {
        var loader = new SpecLoader();
        var spec = loader.ReadFile(specFile.FullName);
        var plan = SweepPlanner.InitialPlan(spec);
        ModelCheck.ValidatePlan(loader, spec, plan);
        foreach (var note in ImplicitDefaults.Of(spec))
            Console.WriteLine(note);
        Console.WriteLine($"{specFile.FullName}: valid ({plan.Count} trials planned)");
        return 0;
    }
}
