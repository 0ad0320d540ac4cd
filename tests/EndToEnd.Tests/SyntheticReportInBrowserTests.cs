using Microsoft.Playwright;
using Sweep.Reports;
using Sweep.Reports.Samples;

namespace Sweep.EndToEnd.Tests;

/// <summary>Opens a realistic report in real headless Chromium: no console errors, no requests leaving the file,
/// every section and image present, and the leaderboard sorts on click. Saves TestResults/report.png.</summary>
public sealed class SyntheticReportInBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IDisposable
{
    private static readonly string ArtifactDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults");
    private readonly string _reportDirectory = Path.Combine(Path.GetTempPath(), "reports-browser-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_reportDirectory)) Directory.Delete(_reportDirectory, recursive: true);
    }

    [Fact]
    public async Task Report_LoadsCleanShowsEverySectionAndSortsTheLeaderboard()
    {
        var path = ReportWriter.Write(SyntheticReportInput.Ofat(), _reportDirectory);
        var (page, problems) = await chromium.OpenAsync(path);

        await ReportPageChecks.AssertEverySectionAndImageAsync(page, minimumImages: 20);
        await ReportPageChecks.AssertLeaderboardSortsAsync(page);

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "report.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
