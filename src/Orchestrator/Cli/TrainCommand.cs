using Sweep.Orchestrator.Contracts;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep train spec.yaml</c>: one trial, alone, with live progress and a result.json.</summary>
public static class TrainCommand
{
    public static Command Create(StopSignals signals)
    {
        var spec = new Argument<FileInfo?>("spec")
        {
            Description = "The spec file (its search: section is ignored).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "A sweep directory: train its trial --trial N as the sweep did (any trial, adaptive ones too).",
        };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where to write result.json and checkpoints." };
        var threads = new Option<int?>("--threads") { Description = "Intra-op threads (default: all cores)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Where to look for dataset files first." };
        var trialIndex = new Option<int?>("--trial")
        {
            Description = "Train trial N of the spec's sweep plan (its changes and seed) instead of the baseline.",
        };
        var command = new Command("train", "Train one trial of a spec.") { spec, from, output, threads, dataDir, trialIndex };
        command.SetAction((parse, _) => UserErrors.Guard(() => RunAsync(parse.GetValue(spec), parse.GetValue(from),
            parse.GetValue(output), parse.GetValue(threads), parse.GetValue(dataDir), parse.GetValue(trialIndex),
            signals)));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? specArgument, DirectoryInfo? from, DirectoryInfo? output,
        int? threads, DirectoryInfo? dataDir, int? trialIndex, StopSignals signals)
    {
        signals.Arm();
        if (threads is < 1)
            throw new UserErrorException($"--threads {threads}: expected a whole number of at least 1");
        var stored = await FromSweepAsync(specArgument, from, trialIndex);
        var dataDirectory = RunOptions.ExistingDataDirectory(dataDir) ?? stored?.DataDirectory;
        threads ??= stored?.Threads;
        var specPath = stored?.SpecPath ?? specArgument!.FullName;
        var trial = stored?.Spec ?? (trialIndex is { } index
            ? PlannedTrialSpec(specPath, index)
            : TrialSpecReader.Read(specPath, name => ModelPresets.Named(name, specPath)));
        var runDirectory = OutputLocations.RequireFolder(output?.FullName
            ?? Path.Combine("runs", $"train-{trial.Name}-{DateTime.Now:yyyyMMdd-HHmmss}"), "for --out");
        Directory.CreateDirectory(runDirectory);
        var options = new TrialRunOptions(threads ?? Environment.ProcessorCount, 0, runDirectory, specPath,
            dataDirectory);
        var source = from is not null ? $"--from {from.FullName}" : specPath;
        var resume = $"sweep train {source}{(trialIndex is { } n ? $" --trial {n}" : "")} --out {runDirectory}";

        AnsiConsole.MarkupLineInterpolated($"Training [bold]{trial.Name}[/] ({trial.Training.Epochs} epochs, {options.Threads} threads) → {runDirectory}");
        // A sweep's trial was announced when its sweep ran.
        if (stored is null)
            foreach (var note in ImplicitDefaults.Of(trial, SpecFile.ReadAllText(specPath), specPath))
                AnsiConsole.WriteLine(note);
        TrialResult result = null!;
        try
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var observer = new ConsoleObserver(context, trial.Training.Epochs);
                    result = new TrialRunner().Run(trial, options, observer, signals.Stopping);
                });
            // Streamed: File.WriteAllText reserves the size first and tells a full disk as a bare IOException.
            using (var writer = new StreamWriter(Path.Combine(runDirectory, "result.json")))
                writer.Write(JsonSerializer.Serialize(new { config = trial, result }, SweepJson.Indented));
        }
        catch (Exception error) when (EnvironmentErrors.IsDiskFull(error))
        {
            throw EnvironmentErrors.DiskFull(runDirectory, $"continue with: {resume}");
        }
        PrintSummary(result, runDirectory);
        if (result.Outcome == TrialOutcome.Cancelled)
        {
            AnsiConsole.MarkupLineInterpolated($"Stopped. Continue with: [bold]{resume}[/]");
            return signals.ExitCode;
        }
        return result.Outcome is TrialOutcome.Completed or TrialOutcome.EarlyStopped ? 0 : 1;
    }

    /// <summary>The trial a sweep directory names, or null when a spec file is given instead.</summary>
    private static async Task<StoredTrial?> FromSweepAsync(FileInfo? specArgument, DirectoryInfo? from, int? trialIndex)
    {
        if (from is null)
            return specArgument is null
                ? throw new UserErrorException("train: expected a spec file, or --from <sweep-dir> --trial N")
                : null;
        if (specArgument is not null)
            throw new UserErrorException($"train --from {from.FullName}: expected no spec file beside it (the sweep's own spec is used)");
        if (trialIndex is not { } index)
            throw new UserErrorException($"train --from {from.FullName}: expected --trial N, the trial to reproduce");
        return await StoredTrial.ReadAsync(from.FullName, index);
    }

    /// <summary>The exact trial a sweep ran: its changes applied to the baseline and its seed.</summary>
    private static TrialSpec PlannedTrialSpec(string specFile, int index)
    {
        var loader = new SpecLoader();
        var sweep = loader.ReadFile(specFile);
        var plan = SweepPlanner.InitialPlan(sweep);
        var planned = plan.FirstOrDefault(t => t.Index == index)
            ?? throw new UserErrorException($"{specFile}: --trial {index}: the plan has trials 0 to {plan.Count - 1} (trials an adaptive sweep adds later depend on its results)");
        return loader.Resolve(sweep, planned);
    }

    private static void PrintSummary(TrialResult result, string runDirectory)
    {
        var table = new Table().AddColumns("epoch", "train loss", "train acc", "val loss", "val acc", "lr", "s", "img/s");
        foreach (var e in result.Epochs)
            table.AddRow($"{e.Epoch}", $"{e.TrainLoss:F4}", $"{e.TrainAccuracy:P2}", $"{e.ValLoss:F4}",
                $"{e.ValAccuracy:P2}", $"{e.LearningRate:G3}", $"{e.Seconds:F1}", $"{e.SamplesPerSecond:F0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Outcome: [bold]{result.Outcome}[/]{(result.Message is { } m ? $" ({m})" : "")}; best epoch {result.BestEpoch}");
        if (result.Test is { } test)
            AnsiConsole.MarkupLineInterpolated($"Test accuracy [bold]{test.Accuracy:P2}[/], macro-F1 [bold]{test.MacroF1:F4}[/], loss {test.Loss:F4}");
        if (result.Sanity is { ExpectedInitialLoss: { } chanceLoss, ExpectedInitialAccuracy: { } chanceAccuracy } sanity)
            AnsiConsole.MarkupLineInterpolated($"Initial loss {sanity.InitialLoss:F3} (ln classes = {chanceLoss:F3}), initial accuracy {sanity.InitialAccuracy:P1} (1/classes = {chanceAccuracy:P1})");
        else if (result.Sanity is { } pretrained)
            AnsiConsole.MarkupLineInterpolated($"Initial loss {pretrained.InitialLoss:F3}, initial accuracy {pretrained.InitialAccuracy:P1} (pretrained weights: no chance level expected)");
        AnsiConsole.MarkupLineInterpolated($"Result: {Path.Combine(runDirectory, "result.json")}");
    }

    private sealed class ConsoleObserver(ProgressContext context, int epochs) : ITrialObserver
    {
        private ProgressTask? current;

        public void OnBatch(int epoch, int batch, int batchCount, double meanLoss)
        {
            if (current is null || batch == 1)
            {
                current = context.AddTask($"epoch {epoch}/{epochs}", maxValue: batchCount);
            }
            current.Value = batch;
            current.Description = $"epoch {epoch}/{epochs} loss {meanLoss:F4}";
        }

        public void OnNotice(string message) => AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

        public EpochDecision OnEpoch(EpochMetrics metrics)
        {
            if (current is not null)
                current.Description = $"epoch {metrics.Epoch}/{epochs} loss {metrics.TrainLoss:F4} val acc {metrics.ValAccuracy:P2}";
            current = null;
            return EpochDecision.Continue;
        }
    }
}
