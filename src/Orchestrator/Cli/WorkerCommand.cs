using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Cli;

/// <summary><c>sweep worker --cluster …</c>: joins the cluster and trains trials of its active sweeps until stopped.
/// SIGTERM or Ctrl-C drains: no new trial is taken, each trial in flight finishes its epoch, checkpoints and is
/// given back, and the silo leaves the cluster; a second signal stops at once.</summary>
public static class WorkerCommand
{
    public static Command Create(StopSignals signals)
    {
        var cluster = new ClusterOptions();
        var slots = new Option<int?>("--slots") { Description = "Trials trained at once here (default: one per GPU, else one per two cores)." };
        var gpus = new Option<string?>("--gpus") { Description = "GPUs to train on, one slot each, e.g. 0,1,3 (each trial's process sees only its GPU)." };
        var name = new Option<string?>("--name") { Description = "This host's name in leases, reports and exports (default: the machine name)." };
        var advertise = new Option<string>("--advertise")
        {
            Description = "The address other hosts reach this one at; the silo listens on it alone.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port") { Description = "Silo port (default: a free one)." };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Gateway port (default: a free one)." };
        var workDir = new Option<DirectoryInfo?>("--work-dir") { Description = "Where trials train on this host (default: ~/.cache/sweep/work)." };
        var checkpoints = new Option<DirectoryInfo?>("--checkpoints") { Description = "A folder every host shares (e.g. NFS) for trials and checkpoints, instead of Redis." };
        var dataDir = new RunOptions().DataDir;
        var command = new Command("worker", "Join a cluster and train its sweeps' trials until stopped.")
        {
            slots, gpus, name, advertise, port, gatewayPort, workDir, checkpoints, dataDir,
        };
        cluster.AddTo(command);
        command.SetAction((parse, _) => UserErrors.Guard(async () =>
        {
            var configured = SweepSettings.Load(Environment.CurrentDirectory);
            var connection = cluster.Required(parse, configured);
            if (!IPAddress.TryParse(parse.GetValue(advertise), out var address))
                throw new UserErrorException($"--advertise {parse.GetValue(advertise)}: expected an IP address");
            var settings = new WorkerSettings(Slots(parse.GetValue(slots), parse.GetValue(gpus)),
                parse.GetValue(name) ?? Environment.MachineName, address, PortOrFree(parse.GetValue(port), address),
                PortOrFree(parse.GetValue(gatewayPort), address),
                parse.GetValue(workDir)?.FullName ?? DefaultWorkDirectory(),
                parse.GetValue(checkpoints)?.FullName, RunOptions.ExistingDataDirectory(parse.GetValue(dataDir)),
                ClusterTiming.From(configured));
            return await RunAsync(connection, settings, signals);
        }));
        return command;
    }

    private static async Task<int> RunAsync(ClusterConnection cluster, WorkerSettings settings, StopSignals signals)
    {
        signals.Arm();
        using var redis = await cluster.ConnectAsync();
        using var host = ClusterWorkerHost.Build(cluster, redis, settings, new TrialExecutorByKind(TimeProvider.System),
            new ProgressBoard());
        await host.StartAsync();
        AnsiConsole.MarkupLineInterpolated($"Worker [bold]{settings.Name}[/] joined cluster {cluster.ClusterId} at {cluster.Redacted}: {settings.Slots.Slots} slot(s) × {settings.Slots.ThreadsPerSlot} thread(s), silo {settings.Advertise}:{settings.SiloPort}");
        var slots = host.Services.GetRequiredService<WorkerSlots>();
        await Task.WhenAny(slots.Completion, Task.Delay(Timeout.Infinite, signals.Stopping));
        host.Services.GetRequiredService<SlotDrain>().Begin();
        await slots.Completion;
        await host.StopAsync();
        AnsiConsole.MarkupLineInterpolated($"Worker {settings.Name} left the cluster");
        return signals.Received ? signals.ExitCode : 0;
    }

    private static SlotPlan Slots(int? slots, string? gpus)
    {
        if (gpus is null)
            return SlotPlan.ForThisMachine(RunOptions.ValidSlots(slots));
        if (slots is not null)
            throw new UserErrorException("--slots and --gpus: expected one of them (--gpus gives one slot per GPU)");
        var ids = gpus.Split(',', StringSplitOptions.TrimEntries);
        if (ids.Length == 0 || ids.Any(id => !int.TryParse(id, out var gpu) || gpu < 0) || ids.Distinct().Count() != ids.Length)
            throw new UserErrorException($"--gpus {gpus}: expected distinct GPU numbers separated by commas, e.g. 0,1,3");
        return SlotPlan.ForGpus(ids.Select(int.Parse).ToList(), Environment.ProcessorCount);
    }

    private static string DefaultWorkDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sweep", "work");

    private static int PortOrFree(int port, IPAddress address)
    {
        if (port is < 0 or > 65535)
            throw new UserErrorException($"port {port}: expected 0 to 65535");
        if (port != 0)
            return port;
        using var listener = new System.Net.Sockets.TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
