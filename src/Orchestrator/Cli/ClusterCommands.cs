using System.CommandLine;
using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;
using Sweep.Orchestrator.Storage.Redis;

namespace Sweep.Orchestrator.Cli;

/// <summary>The commands that read or steer a cluster's sweeps from any host: list, cancel and pull.</summary>
public static class ClusterCommands
{
    public static Command List()
    {
        var cluster = new ClusterOptions();
        var command = new Command("list", "The sweeps a cluster holds and their progress.");
        cluster.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(async () =>
        {
            var connection = cluster.Required(parse);
            using var redis = await connection.ConnectAsync();
            var store = new RedisSweepStore(redis, connection.KeyPrefix);
            var table = new Table().Border(TableBorder.Simple).AddColumns("sweep", "state", "submitted", "trials", "best");
            foreach (var line in await ClusterSweepList.ReadAsync(new RedisSweepCatalog(redis, connection.KeyPrefix), store, CancellationToken.None))
                table.AddRow(Markup.Escape(line.SweepId), line.State.ToString().ToLowerInvariant(),
                    $"{line.SubmittedAt:u}", $"{line.Finished}/{line.Total} finished", Markup.Escape(line.Best));
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    public static Command Cancel()
    {
        var cluster = new ClusterOptions();
        var sweep = new Argument<string>("sweep") { Description = "The sweep's id (sweep list shows them)." };
        var command = new Command("cancel", "Stop a cluster's sweep: no new trial starts, running ones stop after their epoch.") { sweep };
        cluster.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(async () =>
        {
            var connection = cluster.Required(parse);
            using var redis = await connection.ConnectAsync();
            var id = parse.GetValue(sweep)!;
            if (!await new RedisSweepCatalog(redis, connection.KeyPrefix).EndAsync(id, SweepLifecycle.Cancelled))
                throw new UserErrorException($"{id}: expected an active sweep of cluster {connection.ClusterId} (sweep list shows them)");
            AnsiConsole.MarkupLineInterpolated($"Sweep {id} cancelled; its trials keep their records and checkpoints");
            return 0;
        }));
        return command;
    }

    public static Command Pull()
    {
        var cluster = new ClusterOptions();
        var sweep = new Argument<string>("sweep") { Description = "The sweep's id (sweep list shows them)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Parent of the sweep directory (default: runs/)." };
        var command = new Command("pull", "Copy a cluster's sweep into a sweep directory here, for report, export and status.") { sweep, output };
        cluster.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(async () =>
        {
            var connection = cluster.Required(parse);
            using var redis = await connection.ConnectAsync();
            var directory = await SweepPull.PullAsync(new RedisSweepStore(redis, connection.KeyPrefix),
                parse.GetValue(sweep)!, parse.GetValue(output)?.FullName ?? "runs", CancellationToken.None);
            AnsiConsole.MarkupLineInterpolated($"Pulled into {directory} (sweep report {directory})");
            return 0;
        }));
        return command;
    }
}
