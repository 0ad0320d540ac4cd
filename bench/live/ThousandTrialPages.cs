using Microsoft.Playwright;
using Sweep.Bench;
using Sweep.Orchestrator.Live;
using Sweep.Orchestrator.Reporting;
using Sweep.Orchestrator.Scheduling;
using Sweep.Orchestrator.Storage;

namespace Sweep.LiveBench;

/// <summary>(b) A synthetic sweep of many zero-second trials, run through the real grain and store, then its live page
/// (served by this process on a free loopback port, as <c>sweep serve</c> serves it) and its static report, each
/// loaded in headless Chromium.</summary>
public static class ThousandTrialPages
{
    public static async Task<(PageLoad Live, PageLoad Static)> MeasureAsync(IBrowser browser, BenchOptions options)
    {
        var completed = await InProcessSweep.RunAsync(
            SyntheticSweeps.Random("live-bench-large", options.Trials, options.TrialEpochs, 0),
            Path.Combine(options.WorkDirectory, "large"), new SlotPlan(8, 1), new SyntheticTrialExecutor(TimeProvider.System));
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(completed.Directory, CancellationToken.None);
        await using var _ = store;
        var report = await SweepReport.WriteAsync(sweep, store, completed.Directory, CancellationToken.None);
        await using var server = await LiveServer.StartAsync(LiveEndpoint.Parse(0, null), null, store, sweep.Id, completed.Directory);
        using var http = new HttpClient();
        Console.WriteLine($"sweep   {completed.Trials.Count} trials × {options.TrialEpochs} epochs; live page "
            + $"{(await http.GetByteArrayAsync(server.Url)).Length:N0} bytes, static report {new FileInfo(report).Length:N0} bytes");
        var live = await PageLoadTime.MedianAsync(browser, server.Url, options.Loads, "live  ");
        var page = await PageLoadTime.MedianAsync(browser, new Uri(report).AbsoluteUri, options.Loads, "static");
        return (live, page);
    }
}
