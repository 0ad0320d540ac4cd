using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep resume DIR</c>: continues an interrupted sweep with the settings it was started with; finished
/// trials are kept, interrupted ones continue from their last checkpoint.</summary>
public static class ResumeCommand
{
    public static Command Create(StopSignals signals)
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory (runs/<name>-<id>)." };
        var allowChanges = new Option<bool>("--allow-changes")
        {
            Description = "Resume even when --slots, --data-dir or this machine's device differ from the sweep's start.",
        };
        var retryFailed = new Option<bool>("--retry-failed")
        {
            Description = "Also run again, from their last checkpoints, the trials that failed for good.",
        };
        var run = new RunOptions();
        var serve = new ServeOptions(withSwitch: true);
        var command = new Command("resume", "Finish an interrupted sweep.") { directory, allowChanges, retryFailed };
        run.AddTo(command);
        serve.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(() => ResumeAsync(parse.GetValue(directory)!,
            parse.GetValue(run.Slots), parse.GetValue(run.DataDir), parse.GetValue(allowChanges),
            parse.GetValue(retryFailed), serve.Of(parse), signals)));
        return command;
    }

    private static async Task<int> ResumeAsync(DirectoryInfo directory, int? slots, DirectoryInfo? dataDir,
        bool allowChanges, bool retryFailed, Live.LiveEndpoint? live, StopSignals signals)
    {
        signals.Arm();
        // Store writes run to their end: a stop asked for meanwhile takes effect once the sweep is consistent.
        var cancellation = CancellationToken.None;
        slots = RunOptions.ValidSlots(slots);
        var dataDirectory = RunOptions.ExistingDataDirectory(dataDir);
        var opened = await SweepDirectory.OpenForRunAsync(directory.FullName, cancellation);
        await using var store = opened.Store;
        using var runLock = opened.Lock;
        var settings = Settings(opened, slots, dataDirectory, allowChanges);
        var sweep = (await store.GetSweepAsync(opened.SweepId, cancellation))!;
        var loader = new Specs.SpecLoader();
        SweepDataCheck.Check(loader, loader.Read(sweep.SpecText, sweep.SpecPath), settings.DataDirectory);
        var released = await SweepDirectory.ReleaseInterruptedAsync(opened, cancellation);
        AnsiConsole.MarkupLineInterpolated($"Resuming {opened.Directory}: {released} interrupted trial(s) continue from their last checkpoint");
        if (retryFailed)
            AnsiConsole.MarkupLineInterpolated($"{await SweepDirectory.RetryFailedAsync(opened, cancellation)} failed trial(s) run again from their last checkpoint");
        var target = new SweepTarget(opened.SweepId, opened.Directory, settings.DataDirectory);
        return await SweepCompletion.RunAndReportAsync(target, store, new SlotPlan(settings.Slots, settings.ThreadsPerSlot), signals,
            Live.LiveSession.OnceSiloRuns(live, ServeOptions.TokenFor(live, Hosting.SweepSettings.Load(Environment.CurrentDirectory)),
                store, opened.SweepId, opened.Directory));
    }

    /// <summary>The sweep's own settings, with what the command line asks for instead; a change that would alter
    /// the numbers is refused unless allowed.</summary>
    private static RunSettings Settings(OpenedSweep opened, int? slots, string? dataDirectory, bool allowChanges)
    {
        var device = MachineDevice.Describe();
        if (opened.Settings is not { } stored)
        {
            var plan = SlotPlan.ForThisMachine(slots);
            return new RunSettings(dataDirectory, plan.Slots, plan.ThreadsPerSlot, device);
        }
        var threads = slots is { } asked && asked != stored.Slots
            ? SlotPlan.For(asked, Environment.ProcessorCount, gpus: 0).ThreadsPerSlot
            : stored.ThreadsPerSlot;
        var requested = new RunSettings(dataDirectory ?? stored.DataDirectory, slots ?? stored.Slots, threads, device);
        var changes = RunSettingsChanges.Between(stored, requested);
        if (changes.Count == 0)
            return requested;
        if (!allowChanges)
            throw new UserErrorException($"{opened.Directory}: resuming here changes how the sweep was run: "
                + string.Join("; ", changes) + ". Resume without --slots/--data-dir (on a host of the same device), or pass --allow-changes to go on anyway");
        foreach (var change in changes)
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {change}");
        return requested;
    }
}
