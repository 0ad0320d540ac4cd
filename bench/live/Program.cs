using Microsoft.Playwright;
using Sweep.Bench;
using Sweep.LiveBench;

// (a) An epoch of the same small training with and without a headless Chromium page on the live view (alternate runs).
// (b) The live page of a 1,000-trial synthetic sweep loading in Chromium (goal < 1 s), against the static report.
if (!BenchArguments.TryParse(() => BenchOptions.Parse(args), o => o.WorkDirectory, out var options, out var exitCode))
    return exitCode;

using var playwright = await Playwright.CreateAsync();
await using var browser = await LoopbackChromium.LaunchAsync(playwright);

if (options.Only.Contains(BenchOptions.EpochPart))
{
    var (without, with) = await EpochTimeWithBrowser.MeasureAsync(browser, options);
    Console.WriteLine($"epoch   median without a browser {without:F3} s, with a browser on the live view {with:F3} s "
        + $"→ ratio with/without {with / without:F3}×");
}

if (options.Only.Contains(BenchOptions.LoadPart))
{
    var (live, report) = await ThousandTrialPages.MeasureAsync(browser, options);
    Console.WriteLine($"live    median of {options.Loads}: load event {live.Load:F0} ms, first frame after it {live.Rendered:F0} ms "
        + $"(goal < 1,000 ms: {(live.Rendered < 1000 ? "met" : "missed")})");
    Console.WriteLine($"static  median of {options.Loads}: load event {report.Load:F0} ms, first frame after it {report.Rendered:F0} ms");
    Console.WriteLine($"ratio   live/static: load event {live.Load / report.Load:F2}×, first frame {live.Rendered / report.Rendered:F2}×");
}
return 0;
