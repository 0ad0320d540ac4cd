using Sweep.Orchestrator.Storage;
using Sweep.Reports;

namespace Sweep.Orchestrator.Reporting;

/// <summary>Writes <c>report/index.html</c> of a sweep directory from its store.</summary>
public static class SweepReport
{
    /// <param name="reportDirectory">Where to write instead of the sweep's <c>report/</c>: the page embeds
    /// everything it shows, so it may live anywhere (a sweep on a read-only medium cannot take it).</param>
    public static async Task<string> WriteAsync(SweepRecord sweep, ISweepStore store, string sweepDirectory,
        CancellationToken cancellation, string? reportDirectory = null)
    {
        var input = await ReportInputBuilder.ReadAsync(sweep, store, sweepDirectory, DateTimeOffset.UtcNow, cancellation);
        return ReportWriter.Write(input, reportDirectory ?? Path.Combine(sweepDirectory, "report"));
    }
}
