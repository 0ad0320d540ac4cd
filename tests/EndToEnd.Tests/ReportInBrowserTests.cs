using Microsoft.Playwright;

namespace Sweep.EndToEnd.Tests;

/// <summary>The report of real sweeps, run by the real program, opened in real headless Chromium.</summary>
public sealed class ReportInBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task RealSweepReport_LoadsCleanWithEverySectionAndSortsTheLeaderboard()
    {
        var work = TestSpecs.NewWorkDirectory("report");
        var spec = TestSpecs.Write(work, "report.yaml", TestSpecs.Ofat("e2e-report", epochs: 2));
        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var report = Path.Combine(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")), "report", "index.html");
        Assert.Contains(report, run.Output.ReplaceLineEndings(""));

        var (page, problems) = await chromium.OpenAsync(report);

        await ReportPageChecks.AssertEverySectionAndImageAsync(page, minimumImages: 10);
        await ReportPageChecks.AssertLeaderboardSortsAsync(page);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "real-sweep-report.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task MarkupInSweepNameAndClassLabels_RendersAsText()
    {
        var work = TestSpecs.NewWorkDirectory("escape");
        var data = GeneratedImageFolder.Create(Path.Combine(work, "images"), ["<b>", "plain"]);
        var spec = TestSpecs.Write(work, "escape.yaml", $$"""
            name: "<script>alert(1)</script>"
            seed: 1
            dataset: { name: image-folder, path: "{{data}}", image_size: 16, channels: 1 }
            model: { preset: two-conv, channels: 4, hidden: [8] }
            training: { epochs: 1, batch_size: 16 }
            search:
              strategy: ofat
              parameters:
                training.lr: [0.01]
            """);
        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var report = Path.Combine(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")), "report", "index.html");

        var (page, problems) = await chromium.OpenAsync(report);

        // Sections off screen are not rendered (content-visibility), and innerText holds rendered text only.
        await page.EvaluateAsync("() => document.querySelectorAll('section').forEach(s => s.style.contentVisibility = 'visible')");
        var text = await page.InnerTextAsync("body");
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("<b>", text.Replace("<script>", ""));
        var html = await File.ReadAllTextAsync(report);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;b&gt;", html);
        Assert.DoesNotContain("<b><", html);
        Assert.Empty(problems);
    }
}
