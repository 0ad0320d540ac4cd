using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Storage;
using Sweep.Reports;

namespace Sweep.Orchestrator.Reporting;

/// <summary>Writes <c>report/index.html</c> of a sweep directory from its store.</summary>
public static class SweepReport
{
    public static async Task<string> WriteAsync(SweepRecord sweep, ISweepStore store, string sweepDirectory,
        CancellationToken cancellation)
    {
        var spec = new SpecLoader().Read(sweep.SpecText, sweep.SpecPath);
        var trials = await store.GetTrialsAsync(sweep.Id, cancellation);
        var epochs = await store.GetEpochsAsync(sweep.Id, cancellationToken: cancellation);
        var input = ReportInputBuilder.Build(sweep, spec, trials, epochs, sweepDirectory, DateTimeOffset.UtcNow);
        return ReportWriter.Write(input, Path.Combine(sweepDirectory, "report"));
    }
}
