using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests;

/// <summary>The live view of a real <c>sweep run --serve</c> and its <c>/dashboard</c>, followed in headless Chromium
/// from the first epoch to the run's end without reloading the page.</summary>
public sealed partial class LiveViewInBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(8);

    /// <summary>Three trials of five epochs on 600 images: an epoch takes about a second, long enough for the page to
    /// be sent several epochs of one trial.</summary>
    private const string Spec = """
        name: e2e-live
        seed: 5
        dataset:
          name: fashion-mnist
          train_subset: 600
          test_subset: 200
        model:
          preset: two-conv
          channels: 8
          hidden: [32]
        training:
          epochs: 5
          batch_size: 32
          optimizer: adam
          lr: 0.001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.003]
            model.dropout: [0.5]
        """;

    /// <summary>Keeps, in the page, the epoch count of every running trial each time the status section is replaced;
    /// a reload would lose it.</summary>
    private const string RecordEpochs = """
        () => {
          window.shownEpochs = [];
          const record = () => document.querySelectorAll('#live-running tr[data-trial]').forEach(row =>
            window.shownEpochs.push({ trial: row.dataset.trial, epochs: Number(row.querySelector('.live-epoch').textContent) }));
          record();
          document.addEventListener('sweep:section-updated', e => { if (e.target.id === 'live') record(); });
        }
        """;

    private const string AnEpochCountRose =
        "() => window.shownEpochs.some(a => window.shownEpochs.some(b => b.trial === a.trial && b.epochs > a.epochs))";

    [Fact]
    public async Task RunWithServe_PageFollowsEpochsWithoutReloadAndEndsOnTheFinishedSweep()
    {
        var work = TestSpecs.NewWorkDirectory("live");
        var spec = TestSpecs.Write(work, "live.yaml", Spec);
        var port = FreeLoopbackPort();
        using var run = SweepProgram.Start(work, "run", spec, "--out", "runs", "--slots", "1", "--serve", "--port", port.ToString());
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        run.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && LiveViewLine().Match(e.Data) is { Success: true } line)
                announced.TrySetResult(line.Groups["url"].Value);
        };
        var output = SweepProgram.Drain(run);
        try
        {
            var url = await announced.Task.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal($"http://127.0.0.1:{port}/", url);
            var live = await LiveBrowserPage.OpenAsync(chromium.Browser, url);
            var page = live.Page;
            await page.EvaluateAsync(RecordEpochs);
            await AssertTheDashboardShowsTheRunsSiloAsync(url);

            using (var exit = new CancellationTokenSource(RunLimit))
                await run.WaitForExitAsync(exit.Token);
            Assert.True(run.ExitCode == 0, output());
            // The stream's end comes after its last update, so once the page saw the server go, it shows all it was sent.
            await page.WaitForFunctionAsync("() => document.getElementById('live-connection').textContent === 'reconnecting'");

            Assert.True(await page.EvaluateAsync<bool>("() => Array.isArray(window.shownEpochs)"), "the page was reloaded");
            Assert.True(await page.EvaluateAsync<bool>(AnEpochCountRose),
                "no running trial's epoch count rose on the page; it showed " + await page.EvaluateAsync<string>("() => JSON.stringify(window.shownEpochs)"));
            var sweep = await SweepResults.ReadAsync(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")));
            Assert.All(sweep.Trials, t => Assert.Equal(TrialState.Completed, t.State));
            var status = await page.Locator("#live").InnerTextAsync();
            Assert.Contains($"{sweep.Trials.Count} of {sweep.Trials.Count} trials finished", status);
            Assert.Contains("No trial is running.", status);
            var problems = live.Problems.Where(p => !ServerWentAway(p, url)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Contains(live.Requests, request => request.StartsWith($"{url}events?v=", StringComparison.Ordinal));
            Assert.All(live.Requests, request => Assert.StartsWith(url, request));
        }
        finally
        {
            if (!run.HasExited)
                run.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The run's silo, holding the sweep's grain, as the Orleans Dashboard at <c>/dashboard</c> reports it.</summary>
    private static async Task AssertTheDashboardShowsTheRunsSiloAsync(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var counters = await CountersAsync(client);
        // The dashboard's grain gathers the silos about once a second.
        while (counters.GetProperty("hosts").GetArrayLength() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            counters = await CountersAsync(client);
        }
        var silo = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.Contains(counters.GetProperty("simpleGrainStats").EnumerateArray(),
            grain => grain.GetProperty("grainType").GetString() == "Sweep.Orchestrator.Grains.SweepGrain");
    }

    private static async Task<System.Text.Json.JsonElement> CountersAsync(HttpClient client) =>
        System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("dashboard/DashboardCounters")).RootElement.Clone();

    /// <summary>Once the run ends its server is gone, and the page's attempts to reconnect to it fail; that is all
    /// that may go wrong, and only on the events stream.</summary>
    private static bool ServerWentAway(string problem, string url) =>
        problem.StartsWith($"request failed: {url}events", StringComparison.Ordinal)
        || problem.Contains("net::ERR_CONNECTION_REFUSED", StringComparison.Ordinal);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Live view: (?<url>\S+) \(read-only, this machine only\)$")]
    private static partial Regex LiveViewLine();
}
