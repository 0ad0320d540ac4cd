using Microsoft.Playwright;
using Sweep.Reports;
using Sweep.Reports.Samples;

namespace Sweep.EndToEnd.Tests;

/// <summary>Opens a realistic report in real headless Chromium: no console errors, no requests leaving the file,
/// every section and image present, and the leaderboard sorts on click; at 1,000 trials the page stays short and the
/// leaderboard pages and filters. Saves TestResults/report.png and report-1000.png.</summary>
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

    /// <summary>The whole page of a 1,000-trial sweep may be this tall at most: every long list is paged or
    /// collapsed. (A 147-trial report was once 156,424 px.)</summary>
    private const int MaximumPageHeight = 40_000;

    [Fact]
    public async Task ThousandTrialReport_LoadsClean_EverySectionPresent_PageHeightBounded_LeaderboardPagedAndFiltered()
    {
        var input = SyntheticEarlyStopping.Asha(SyntheticReportInput.Large(1000, 50), grace: 5, reduction: 3);
        var path = ReportWriter.Write(input, _reportDirectory);
        var (page, problems) = await chromium.OpenAsync(path);

        await ReportPageChecks.AssertEverySectionAndImageAsync(page, minimumImages: 20);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= MaximumPageHeight, $"the page is {height} px tall (bound {MaximumPageHeight})");

        const string visibleRows = "() => Array.from(document.querySelectorAll('#leaderboard-table tbody tr')).filter(r => !r.hidden).length";
        Assert.Equal(Reports.Html.LeaderboardSection.PageRows, await page.EvaluateAsync<int>(visibleRows));
        Assert.Contains("page 1 of", await page.Locator("#leaderboard .pager").InnerTextAsync());
        await page.Locator("#leaderboard .pager button >> text=next ›").ClickAsync();
        Assert.Contains("page 2 of", await page.Locator("#leaderboard .pager").InnerTextAsync());
        await ReportPageChecks.AssertLeaderboardSortsAsync(page);
        Assert.Contains("page 1 of", await page.Locator("#leaderboard .pager").InnerTextAsync());

        // Drawn learning rates make every configuration's text unique: filtering by one finds its row alone.
        var lastConfiguration = await page.EvaluateAsync<string>("() => { const rows = document.querySelectorAll('#leaderboard-table tbody tr'); return rows[rows.length - 1].cells[1].textContent; }");
        await page.Locator("#leaderboard .table-filter").FillAsync(lastConfiguration);
        Assert.Equal(1, await page.EvaluateAsync<int>(visibleRows));

        // A live page replaces a section and announces it; the new table pages again.
        await page.EvaluateAsync("() => { const s = document.getElementById('leaderboard'); const copy = s.cloneNode(true); " +
            "copy.querySelectorAll('tr').forEach(r => r.hidden = false); s.replaceWith(copy); " +
            "copy.dispatchEvent(new CustomEvent('sweep:section-updated', { bubbles: true })); }");
        Assert.Equal(Reports.Html.LeaderboardSection.PageRows, await page.EvaluateAsync<int>(visibleRows));

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "report-1000.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
