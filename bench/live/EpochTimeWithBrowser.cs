using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sweep.Orchestrator.Storage;

namespace Sweep.LiveBench;

/// <summary>(a) Real <c>sweep run --serve</c> runs of one small training, alternately with no page open and with a
/// headless Chromium page holding the live view and its events stream open for the whole run. A run's figure is the
/// median training time of its epochs after the first, as its store recorded them.</summary>
public static partial class EpochTimeWithBrowser
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    private const string CountUpdates =
        "() => { window.updates = 0; document.addEventListener('sweep:section-updated', () => window.updates++); }";

    public static async Task<(double Without, double With)> MeasureAsync(IBrowser browser, BenchOptions options)
    {
        var without = new List<double>();
        var with = new List<double>();
        for (var run = 0; run < 2 * options.Runs; run++)
        {
            var attached = run % 2 == 1;
            var directory = Path.Combine(options.WorkDirectory, "epochs", $"run-{run + 1}");
            var (seconds, updates) = await RunAsync(browser, attached, directory, options);
            (attached ? with : without).Add(seconds);
            Console.WriteLine($"run {run + 1}/{2 * options.Runs} {(attached ? "with browser   " : "without browser")}  "
                + $"epoch {seconds:F3} s (median of epochs 2–{options.Epochs})"
                + (attached ? $"; the page replaced {updates} sections" : ""));
        }
        return (Median.Of(without), Median.Of(with));
    }

    private static string Spec(BenchOptions options) => $"""
        name: live-bench
        seed: 5
        dataset:
          name: fashion-mnist
          train_subset: {options.TrainSubset.ToString(CultureInfo.InvariantCulture)}
          test_subset: 500
        model:
          preset: two-conv
          channels: 8
          hidden: [32]
        training:
          epochs: {options.Epochs.ToString(CultureInfo.InvariantCulture)}
          batch_size: 64
          optimizer: adam
          lr: 0.001
        objective: {"{"} metric: val_accuracy, mode: max {"}"}
        search:
          strategy: grid
          parameters:
            training.lr: [0.001]
        """;

    private static async Task<(double Seconds, int Updates)> RunAsync(IBrowser browser, bool attached, string directory,
        BenchOptions options)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "spec.yaml"), Spec(options));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Program, "run", "spec.yaml", "--out", "runs", "--slots", "1", "--serve", "--port", "0" })
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
            if (e.Data is not null && LiveViewLine().Match(e.Data) is { Success: true } line)
                announced.TrySetResult(line.Groups["url"].Value);
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        IPage? page = null;
        try
        {
            var url = await announced.Task.WaitAsync(TimeSpan.FromMinutes(2));
            if (attached)
            {
                page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
                await page.EvaluateAsync(CountUpdates);
            }
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"sweep run ended with {process.ExitCode}:\n{output}");
            var updates = page is null ? 0 : await page.EvaluateAsync<int>("() => window.updates");
            return (await EpochSecondsAsync(Path.Combine(directory, "runs")), updates);
        }
        finally
        {
            if (page is not null)
                await page.CloseAsync();
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<double> EpochSecondsAsync(string outputRoot)
    {
        var (sweep, store) = await SweepDirectory.ReadExistingAsync(Directory.GetDirectories(outputRoot).Single(), CancellationToken.None);
        await using var _ = store;
        var epochs = await store.GetEpochsAsync(sweep.Id);
        return Median.Of(epochs.Where(e => e.Metrics.Epoch > 1).Select(e => e.Metrics.Seconds));
    }

    [GeneratedRegex(@"^Live view: (?<url>\S+) ")]
    private static partial Regex LiveViewLine();
}
