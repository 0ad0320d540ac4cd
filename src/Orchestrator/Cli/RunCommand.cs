using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
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
    public static Command Create(StopSignals signals)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Parent of the sweep directory (default: runs/)." };
        var threadsPerTrial = new Option<int?>("--threads-per-trial")
        {
            Description = "With --cluster: intra-op threads of every trial on any host (default: as --slots gives here).",
        };
        var run = new RunOptions();
        var cluster = new ClusterOptions();
        var serve = new ServeOptions(withSwitch: true);
        var command = new Command("run",
            "Run a sweep on this machine (an in-process Orleans silo; no server to start), or submit it to a cluster.")
        {
            spec, output, threadsPerTrial,
        };
        run.AddTo(command);
        cluster.AddTo(command);
        serve.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(() => RunAsync(parse.GetValue(spec)!,
            parse.GetValue(output)?.FullName ?? "runs", parse.GetValue(run.Slots), parse.GetValue(run.DataDir),
            cluster.Of(parse), parse.GetValue(threadsPerTrial), serve.Of(parse), signals)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo specFile, string outputRoot, int? slots, DirectoryInfo? dataDir,
        ClusterConnection? cluster, int? threadsPerTrial, Live.LiveEndpoint? live, StopSignals signals)
    {
        signals.Arm();
        // Store writes run to their end: a stop asked for meanwhile takes effect once the sweep is consistent.
        var cancellation = CancellationToken.None;
        if (!specFile.Exists)
            throw new UserErrorException($"{specFile.FullName}: no such spec file");
        var loader = new SpecLoader();
        var spec = loader.ReadFile(specFile.FullName);
        ModelCheck.ValidatePlan(loader, spec, SweepPlanner.InitialPlan(spec));
        var dataDirectory = RunOptions.ExistingDataDirectory(dataDir);
        OutputLocations.RequireFolder(outputRoot, "for the sweep (--out)");
        var slotPlan = SlotPlan.ForThisMachine(RunOptions.ValidSlots(slots));
        var settings = new RunSettings(dataDirectory, slotPlan.Slots, slotPlan.ThreadsPerSlot, MachineDevice.Describe());
        SweepDataCheck.Check(loader, spec, dataDirectory);
        if (cluster is not null)
        {
            if (live is not null)
                throw new UserErrorException("--serve: expected without --cluster; follow a cluster's sweep live with sweep serve --cluster … <sweep>");
            if (threadsPerTrial is < 1)
                throw new UserErrorException($"--threads-per-trial {threadsPerTrial}: expected a whole number of at least 1");
            // Hosts find data in their own places; what every trial shares is its thread count.
            return await ClusterSubmit.RunAsync(cluster, spec,
                new RunSettings(null, 0, threadsPerTrial ?? slotPlan.ThreadsPerSlot, "cluster"), outputRoot, signals);
        }
        if (signals.Received)
        {
            Console.Error.WriteLine("stopped before the sweep was created");
            return signals.ExitCode;
        }
        var opened = await SweepDirectory.CreateAsync(spec, outputRoot, settings, cancellation);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        AnsiConsole.MarkupLineInterpolated($"Sweep [bold]{spec.Baseline.Name}[/] ({spec.Search.Strategy}) → {opened.Directory}");
        foreach (var note in ImplicitDefaults.Of(spec))
            AnsiConsole.WriteLine(note);
        var target = new SweepTarget(opened.SweepId, opened.Directory, dataDirectory);
        return await SweepCompletion.RunAndReportAsync(target, store, slotPlan, signals,
            Live.LiveSession.OnceSiloRuns(live, ServeOptions.TokenFor(live, SweepSettings.Load(Environment.CurrentDirectory)),
                store, opened.SweepId, opened.Directory));
    }
}
