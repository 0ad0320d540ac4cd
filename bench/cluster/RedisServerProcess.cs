using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Sweep.ClusterBench;

/// <summary>A <c>redis-server</c> of the benchmark's own on a free loopback port with its own data folder, so the
/// figures never depend on (or disturb) a Redis someone else runs. Persistence is the append-only file alone, as
/// production should run it, so every store write pays what it would in a real cluster.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly string dataDirectory;

    private RedisServerProcess(Process process, int port, string dataDirectory, CapturedOutput output,
        ConnectionMultiplexer admin)
    {
        Process = process;
        Port = port;
        this.dataDirectory = dataDirectory;
        Output = output;
        Admin = admin;
    }

    public Process Process { get; }

    public int Port { get; }

    /// <summary>What workers and submitters are given.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The benchmark's own connection; admin commands read and reset the server's command statistics.</summary>
    public ConnectionMultiplexer Admin { get; }

    public CapturedOutput Output { get; }

    public IServer Server => Admin.GetServer("127.0.0.1", Port);

    public static async Task<RedisServerProcess> StartAsync(ChildProcesses children, string dataDirectory)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is not installed (Debian: apt-get install -y redis-server)");
        Directory.CreateDirectory(dataDirectory);
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--bind", "127.0.0.1", "--port", $"{port}", "--dir", dataDirectory, "--appendonly", "yes",
                     "--save", "", "--daemonize", "no", "--logfile", "",
                 })
            start.ArgumentList.Add(argument);
        var process = children.Start(start);
        var output = new CapturedOutput(process);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
                await admin.GetDatabase().PingAsync();
                return new RedisServerProcess(process, port, dataDirectory, output, admin);
            }
            catch (RedisConnectionException) when (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
            catch (RedisConnectionException error)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {port} did not answer ({error.Message}); it printed:\n{output.Tail()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Admin.DisposeAsync();
        ChildProcesses.Kill(Process);
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
