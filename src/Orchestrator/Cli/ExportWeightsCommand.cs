using System.CommandLine;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Models;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Cli;

/// <summary>pytorch: a state dict for <c>torch.load</c> and <c>load_state_dict</c>; sweep: the file as the trial saved
/// it, for <c>model.pretrained</c> or TorchSharp's <c>module.load</c>.</summary>
public enum WeightsFormat { Pytorch, Sweep }

/// <summary><c>sweep export-weights DIR --trial N</c>: the weights of trial N's best epoch, the ones its test metrics
/// were measured with, as a file for PyTorch or for another Sweep run.</summary>
public static class ExportWeightsCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("sweep-dir") { Description = "The sweep directory." };
        var trial = new Option<int>("--trial") { Description = "The trial's index (as status and export list it).", Required = true };
        var format = new Option<WeightsFormat>("--format")
        {
            Description = "pytorch (a state dict for torch.load) or sweep (the file as the trial saved it).",
            DefaultValueFactory = _ => WeightsFormat.Pytorch,
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "File to create (default: trial-NNNN.pth, or trial-NNNN.pt for sweep, in the current folder).",
        };
        var command = new Command("export-weights", "Write a trial's best weights as a PyTorch state dict or Sweep's own file.")
        {
            directory, trial, format, output,
        };
        command.SetAction((parse, cancellation) => UserErrors.Guard(() => ExportAsync(parse.GetValue(directory)!.FullName,
            parse.GetValue(trial), parse.GetValue(format), parse.GetValue(output), cancellation)));
        return command;
    }

    private static async Task<int> ExportAsync(string directory, int trialIndex, WeightsFormat format, FileInfo? output,
        CancellationToken cancellation)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(directory, cancellation);
        await using var _ = store;
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        if (trials.FirstOrDefault(candidate => candidate.Plan.Index == trialIndex) is not { } trial)
            throw new UserErrorException($"{directory}: --trial: expected the index of one of the sweep's "
                + $"{trials.Count} trials ({Range(trials)}), got {trialIndex}");
        var weights = Path.Combine(new SweepTarget(sweep.Id, directory, null).TrialDirectory(trialIndex),
            TrialRunner.BestModelFileName);
        if (!File.Exists(weights))
            throw new UserErrorException($"{weights}: --trial {trialIndex}: expected the trial's best weights, found no "
                + $"file (the trial is {trial.State.ToString().ToLowerInvariant()} and has saved no best epoch here)");
        var target = OutputLocations.RequireFile(output?.FullName ?? DefaultName(trialIndex, format), "for -o");
        if (File.Exists(target))
            throw new UserErrorException($"{target}: -o: expected a new file, found one already there; remove it or "
                + "name another");
        Write(weights, format, target);
        Console.WriteLine(target);
        return 0;
    }

    private static string Range(IReadOnlyList<TrialRecord> trials) => trials.Count == 0
        ? "none planned"
        : $"{trials.Min(trial => trial.Plan.Index)} to {trials.Max(trial => trial.Plan.Index)}";

    private static string DefaultName(int trialIndex, WeightsFormat format) =>
        $"trial-{trialIndex:D4}{(format == WeightsFormat.Pytorch ? ".pth" : ".pt")}";

    /// <summary>Written beside the target and moved into place without replacing anything, so a failed export (a full
    /// disk, damaged weights) leaves no partial file and a file that appeared meanwhile is kept.</summary>
    private static void Write(string weights, WeightsFormat format, string target)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (format == WeightsFormat.Pytorch)
            {
                using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                SweepWeightsExport.ToPyTorch(weights, file);
            }
            else
                File.Copy(weights, temporary);
            File.Move(temporary, target, overwrite: false);
        }
        catch (Exception error) when (EnvironmentErrors.IsDiskFull(error))
        {
            throw EnvironmentErrors.DiskFull(target);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
