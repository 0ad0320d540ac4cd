namespace Sweep.Orchestrator.Scheduling;

/// <summary>Calls from a slot to a sweep's grain, retried while the cluster heals: when the silo holding the grain
/// dies, calls fail until membership declares it dead and the grain is activated elsewhere from the store. Every
/// call a slot makes is safe to repeat (a lease is conditional, an epoch is an overwrite, a finish is recorded
/// once).</summary>
public static class GrainCalls
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan patience, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var giveUpAt = time.GetUtcNow() + patience;
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && time.GetUtcNow() < giveUpAt
                && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(pause, time, CancellationToken.None);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    /// <summary>A failure of the cluster (a silo gone, a message lost, Redis restarting, a timeout), not of the call
    /// itself.</summary>
    public static bool IsTransient(Exception error) => error is TimeoutException
        or StackExchange.Redis.RedisConnectionException
        or Orleans.Runtime.SiloUnavailableException
        or Orleans.Runtime.OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or Orleans.Networking.Shared.SocketConnectionException
        or Orleans.Runtime.GatewayTooBusyException
        || (error is Orleans.Runtime.OrleansException && error.InnerException is { } inner && IsTransient(inner));
}
