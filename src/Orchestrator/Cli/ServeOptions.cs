using System.CommandLine;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Live;

namespace Sweep.Orchestrator.Cli;

/// <summary>Where the live view listens (<c>--port</c>, <c>--bind</c>), and for <c>run</c> and <c>resume</c> the
/// <c>--serve</c> switch that opens it for the run's duration.</summary>
public sealed class ServeOptions(bool withSwitch)
{
    public Option<bool> Serve { get; } = new("--serve")
    {
        Description = "Serve the live view of the sweep while it runs (prints its URL).",
    };

    public Option<int?> Port { get; } = new("--port")
    {
        Description = $"The live view's port (default: {LiveEndpoint.DefaultPort}; 0 takes a free one).",
    };

    public Option<string?> Bind { get; } = new("--bind")
    {
        Description = $"The address the live view listens on (default: {LiveEndpoint.DefaultBind}); any other than loopback requires a token ({LiveToken.SettingKey}, else one printed at start).",
    };

    public void AddTo(Command command)
    {
        if (withSwitch)
            command.Options.Add(Serve);
        command.Options.Add(Port);
        command.Options.Add(Bind);
    }

    /// <summary>The endpoint asked for, or null when <c>--serve</c> is not given; <c>--port</c> or <c>--bind</c>
    /// without it is refused rather than silently ignored.</summary>
    public LiveEndpoint? Of(ParseResult parse)
    {
        var port = parse.GetValue(Port);
        var bind = parse.GetValue(Bind);
        if (withSwitch && !parse.GetValue(Serve))
            return port is null && bind is null
                ? null
                : throw new UserErrorException($"{(port is null ? "--bind" : "--port")}: expected with --serve, which opens the live view");
        var endpoint = LiveEndpoint.Parse(port, bind);
        endpoint.RequireListenable();
        return endpoint;
    }

    /// <summary>The token a non-loopback endpoint requires: <c>Live:Token</c> from the settings, else a new one.</summary>
    public static (LiveToken? Token, bool Generated) TokenFor(LiveEndpoint? endpoint, SweepSettings settings)
    {
        if (endpoint is not { NeedsToken: true })
            return (null, false);
        return settings[LiveToken.SettingKey] is { Length: > 0 } configured
            ? (new LiveToken(configured), false)
            : (LiveToken.Generate(), true);
    }
}
