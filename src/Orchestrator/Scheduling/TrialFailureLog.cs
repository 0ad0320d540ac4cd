using Microsoft.Extensions.Logging;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>A trial's failure with its full trace, logged under a category of its own: the embedded host sends it to
/// the sweep's log file alone, since the console and the report give each failure one line.</summary>
public sealed partial class TrialFailureLog(ILogger<TrialFailureLog> logger)
{
    public void Failed(string sweepId, int index, string reason, Exception exception) =>
        LogTrialFailed(sweepId, index, reason, exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Sweep {SweepId} trial {Index} failed: {Reason}")]
    private partial void LogTrialFailed(string sweepId, int index, string reason, Exception exception);
}
