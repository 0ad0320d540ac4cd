using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sweep.Orchestrator.Tests.TestKit;

/// <summary>A <c>redis-server</c> of the test's own, on a free loopback port with its data in a temporary folder,
/// so Redis tests need no service set up beforehand and never touch a Redis someone else uses. Persistence is the
/// append-only file alone, as production should run it. A missing <c>redis-server</c> fails the tests: skipping
/// would let CI pass without ever running them.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Executable = "/usr/bin/redis-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; } = FreeLoopbackPort();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sweep-tests",
        "redis-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>A prefix no other test uses, for tests that share this server.</summary>
    public static string NewKeyPrefix() => "test-" + Guid.NewGuid().ToString("N");

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is not installed; the Redis store tests need it "
                + "(Debian: apt-get install -y redis-server).");
        Directory.CreateDirectory(DataDirectory);
        await StartAsync();
    }

    /// <summary>Kills the server as a crash would (no shutdown, no final save) and starts it again on the same port
    /// and folder, so a test sees what the append-only file alone brings back.</summary>
    public async Task CrashAndRestartAsync()
    {
        Kill();
        await StartAsync();
    }

    public Task DisposeAsync()
    {
        Kill();
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--bind", "127.0.0.1", "--port", $"{Port}", "--dir", DataDirectory, "--appendonly", "yes",
                     "--save", "", "--daemonize", "no", "--logfile", "",
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                Kill();
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within "
                    + $"{StartTimeout.TotalSeconds:0} s (exit code {(process.HasExited ? process.ExitCode : "none")}). "
                    + $"Its output:\n{Output()}");
            }
            await Task.Delay(20);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[64];
            var read = await stream.ReadAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private void Kill()
    {
        if (_process is not { } process)
            return;
        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output)
            return _output.ToString();
    }
}
