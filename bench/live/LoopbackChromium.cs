using Microsoft.Playwright;

namespace Sweep.LiveBench;

/// <summary>Debian's Chromium, headless, driven by Playwright: it resolves no name and reaches nothing but this
/// machine's loopback address and files.</summary>
public static class LoopbackChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
