using Microsoft.Playwright;

namespace Sweep.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright for pages served on this machine: as <see cref="HeadlessChromium"/>
/// it resolves no name and reaches nothing else, but 127.0.0.1 stays reachable.</summary>
public sealed class LoopbackChromium : IAsyncLifetime
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
}
