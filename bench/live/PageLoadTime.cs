using Microsoft.Playwright;

namespace Sweep.LiveBench;

/// <summary>Milliseconds from the start of a page's navigation to its load event, and to the first frame painted
/// after it (every section laid out and drawn).</summary>
public sealed record PageLoad(double Load, double Rendered);

/// <summary>(b) Loads a page in headless Chromium, each time in a fresh browser context so nothing is cached, after
/// one load that is not counted (Chromium's own first-use costs).</summary>
public static class PageLoadTime
{
    private const string MarkFirstFrameAfterLoad =
        "addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => { window.renderedAt = performance.now(); })));";

    public static async Task<PageLoad> MedianAsync(IBrowser browser, string url, int loads, string label)
    {
        await LoadAsync(browser, url);
        var measured = new List<PageLoad>();
        for (var load = 0; load < loads; load++)
        {
            measured.Add(await LoadAsync(browser, url));
            Console.WriteLine($"{label} load {load + 1}/{loads}: load event {measured[^1].Load:F0} ms, first frame after it {measured[^1].Rendered:F0} ms");
        }
        return new PageLoad(Median.Of(measured.Select(m => m.Load)), Median.Of(measured.Select(m => m.Rendered)));
    }

    private static async Task<PageLoad> LoadAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync(MarkFirstFrameAfterLoad);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.renderedAt !== undefined");
        return new PageLoad(
            await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd"),
            await page.EvaluateAsync<double>("() => window.renderedAt"));
    }
}
