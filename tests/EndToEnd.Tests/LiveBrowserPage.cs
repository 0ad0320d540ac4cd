using Microsoft.Playwright;

namespace Sweep.EndToEnd.Tests;

/// <summary>A live view's page in headless Chromium, with every address it asked for and every console error, page
/// error, dialog and failed request, in the order Playwright reported them.</summary>
public sealed class LiveBrowserPage
{
    private readonly List<string> requests = [];
    private readonly List<string> problems = [];

    private LiveBrowserPage(IPage page) => Page = page;

    public IPage Page { get; }

    public IReadOnlyList<string> Requests { get { lock (requests) return [.. requests]; } }

    public IReadOnlyList<string> Problems { get { lock (problems) return [.. problems]; } }

    public static async Task<LiveBrowserPage> OpenAsync(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var live = new LiveBrowserPage(page);
        page.Console += (_, message) => { if (message.Type == "error") live.Problem($"console error: {message.Text}"); };
        page.PageError += (_, error) => live.Problem($"page error: {error}");
        page.Dialog += (_, dialog) => live.Problem($"dialog: {dialog.Message}");
        page.RequestFailed += (_, request) => live.Problem($"request failed: {request.Url} ({request.Failure})");
        page.Request += (_, request) => { lock (live.requests) live.requests.Add(request.Url); };
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        return live;
    }

    private void Problem(string text)
    {
        lock (problems)
            problems.Add(text);
    }
}
