using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Live;

/// <summary>Where the live view listens. Loopback serves only this machine's users; any other address lets anyone
/// who can reach it read the sweep, so it requires the access token.</summary>
public sealed record LiveEndpoint(IPAddress Address, int Port)
{
    public const int DefaultPort = 8080;
    public const string DefaultBind = "127.0.0.1";

    public bool NeedsToken => !IPAddress.IsLoopback(Address);

    /// <summary>The address a browser on this machine opens; a wildcard bind is reached through loopback.</summary>
    public string Url(int boundPort)
    {
        var host = Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : Address;
        var shown = host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        return $"http://{shown}:{boundPort}/";
    }

    /// <summary>The endpoint the options ask for; a port outside 0–65535 or a bind that is not an IP address (or
    /// <c>localhost</c>) is the user's mistake. Port 0 takes a free port.</summary>
    public static LiveEndpoint Parse(int? port, string? bind)
    {
        var chosenPort = port ?? DefaultPort;
        if (chosenPort is < 0 or > IPEndPoint.MaxPort)
            throw new UserErrorException($"--port {chosenPort}: expected a port from 1 to {IPEndPoint.MaxPort} (0 takes a free one)");
        var text = (bind ?? DefaultBind).Trim();
        var address = string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(text, out var parsed) ? parsed
            : throw new UserErrorException($"--bind {bind}: expected an IP address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
        return new LiveEndpoint(address, chosenPort);
    }

    /// <summary>Fails at once, before a run creates its sweep, when the port is taken or the address is not this
    /// machine's; the server's own start reports the same way should the port be taken meanwhile.</summary>
    public void RequireListenable()
    {
        if (Port == 0)
            return;
        var listener = new TcpListener(Address, Port);
        try
        {
            listener.Start();
        }
        catch (SocketException error)
        {
            throw Refusal(error)!;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The user's mistake a failure to listen means, or null for a failure of another kind.</summary>
    public UserErrorException? Refusal(Exception error) => Socket(error) switch
    {
        _ when error is AddressInUseException || error.InnerException is AddressInUseException =>
            new($"--port {Port}: expected a free port on {Address}, found it in use"),
        { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            new($"--port {Port}: expected a free port on {Address}, found it in use"),
        { SocketErrorCode: SocketError.AddressNotAvailable } =>
            new($"--bind {Address}: expected an address of this machine (or 0.0.0.0 for all of them), found none such"),
        { SocketErrorCode: SocketError.AccessDenied } =>
            new($"--port {Port}: expected a port this user may listen on (1024 or above), found it reserved"),
        { } other => new($"--port {Port} --bind {Address}: could not listen ({other.Message})"),
        null => null,
    };

    private static SocketException? Socket(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is SocketException socket)
                return socket;
        return null;
    }
}
