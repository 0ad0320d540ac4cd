using Microsoft.Extensions.Hosting;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Replaces the console lifetime, which would stop the host on Ctrl-C or SIGTERM by itself, racing the
/// command's own orderly stop (and throwing from a silo that has not finished starting).</summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
