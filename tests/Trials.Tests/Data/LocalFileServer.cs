using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sweep.Trials.Tests.Data;

/// <summary>Serves in-memory files over HTTP on 127.0.0.1 so downloads can be tested without the internet;
/// anything not added answers 404. Counts the requests it served.</summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private int requests;

    public LocalFileServer()
    {
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/mirror/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref requests);

    public void Add(string name, byte[] content) => files[name] = content;

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref requests);
            var name = context.Request.Url!.AbsolutePath[BaseUrl.AbsolutePath.Length..];
            using var response = context.Response;
            if (files.TryGetValue(name, out var content))
            {
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content);
            }
            else
                response.StatusCode = 404;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
