using Sweep.Orchestrator.Contracts;
using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep run spec.yaml</c>: plans the sweep into a new sweep directory and runs it here.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Parent of the sweep directory (default: runs/)." };
        var run = new RunOptions();
        var command = new Command("run", "Run a sweep on this machine (an in-process Orleans silo; no server to start).")
        {
            spec, output,
        };
        run.AddTo(command);
        command.SetAction((parse, cancellation) => UserErrors.Guard(() => RunAsync(parse.GetValue(spec)!,
            parse.GetValue(output)?.FullName ?? "runs", parse.GetValue(run.Slots), parse.GetValue(run.DataDir),
            cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo specFile, string outputRoot, int? slots, DirectoryInfo? dataDir,
        CancellationToken cancellation)
    {
        if (!specFile.Exists)
            throw new UserErrorException($"{specFile.FullName}: no such spec file");
        var loader = new SpecLoader();
        var spec = loader.ReadFile(specFile.FullName);
        ModelCheck.ValidatePlan(loader, spec, SweepPlanner.InitialPlan(spec));
        var dataDirectory = RunOptions.ExistingDataDirectory(dataDir);
        var slotPlan = SlotPlan.ForThisMachine(RunOptions.ValidSlots(slots));
        var settings = new RunSettings(dataDirectory, slotPlan.Slots, slotPlan.ThreadsPerSlot, MachineDevice.Describe());
        Trials.Data.DataPreflight.Check(SweepPlanner.InitialPlan(spec).Select(trial => loader.Resolve(spec, trial).Dataset),
            dataDirectory, spec.SourcePath);
        var opened = await SweepDirectory.CreateAsync(spec, outputRoot, settings, cancellation);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        AnsiConsole.MarkupLineInterpolated($"Sweep [bold]{spec.Baseline.Name}[/] ({spec.Search.Strategy}) → {opened.Directory}");
        var target = new SweepTarget(opened.SweepId, opened.Directory, dataDirectory);
        return await SweepCompletion.RunAndReportAsync(target, store, slotPlan, cancellation);
    }
}
