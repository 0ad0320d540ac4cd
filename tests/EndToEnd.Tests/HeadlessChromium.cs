using Microsoft.Playwright;

namespace Sweep.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright, with everything that would reach the network switched off: it
/// resolves no name, and reaches 127.0.0.1 alone, where the live view's tests serve their pages.</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }

    /// <summary>Opens a file and collects every console error, page error, dialog and request that leaves the file.</summary>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console error: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += (_, dialog) => problems.Add($"dialog: {dialog.Message}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                problems.Add($"request left the file: {request.Url}");
        };
        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, problems);
    }
}
