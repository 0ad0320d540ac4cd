using Microsoft.Playwright;
using Sweep.Reports.Html;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Browser;

/// <summary>Opens a realistic report in real headless Chromium: no console errors, no requests leaving the file,
/// every section and image present, and the leaderboard sorts on click. Saves TestResults/report.png.</summary>
public sealed class ReportBrowserTests : IAsyncLifetime
{
    private static readonly string ArtifactDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults");
    private readonly string _reportDirectory = Path.Combine(Path.GetTempPath(), "reports-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (Directory.Exists(_reportDirectory)) Directory.Delete(_reportDirectory, recursive: true);
    }

    [Fact]
    public async Task Report_LoadsCleanShowsEverySectionAndSortsTheLeaderboard()
    {
        var path = ReportWriter.Write(SyntheticReportInput.Ofat(), _reportDirectory);
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://") && !request.Url.StartsWith("data:")) problems.Add("request left the file: " + request.Url);
        };

        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        foreach (var (id, _) in ReportPage.Sections)
            Assert.True(await page.Locator($"#{id}").IsVisibleAsync(), $"section #{id} is missing");

        var sizes = await page.EvaluateAsync<double[][]>(
            "() => Array.from(document.querySelectorAll('img, svg.plot')).map(e => { const r = e.getBoundingClientRect(); " +
            "return [r.width, r.height, e.tagName === 'IMG' ? e.naturalWidth : 1]; })");
        Assert.True(sizes.Length > 20, $"only {sizes.Length} images and plots");
        Assert.All(sizes, size => Assert.True(size[0] > 0 && size[1] > 0 && size[2] > 0, $"an image or plot has size {string.Join("×", size)}"));

        await AssertLeaderboardSorts(page);

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "report.png"), FullPage = true });
        Assert.Empty(problems);
    }

    private static async Task AssertLeaderboardSorts(IPage page)
    {
        const string objectiveColumn = "3";
        var keys = $"() => Array.from(document.querySelectorAll('#leaderboard-table tbody tr')).map(r => r.cells[{objectiveColumn}].getAttribute('data-sort'))";
        var header = page.Locator($"#leaderboard-table thead th >> nth={objectiveColumn}");

        await header.ClickAsync();
        var ascending = await page.EvaluateAsync<string[]>(keys);
        await header.ClickAsync();
        var descending = await page.EvaluateAsync<string[]>(keys);

        double[] Numbers(string[] values) => values.Where(v => v != "").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Numbers(ascending).Order(), Numbers(ascending));
        Assert.Equal(Numbers(descending).OrderDescending(), Numbers(descending));
        Assert.True(Numbers(ascending).Length > 3, "leaderboard has too few ranked rows to test sorting");
        Assert.NotEqual(ascending, descending);
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
    }
}
