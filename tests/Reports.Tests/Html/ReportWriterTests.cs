using Sweep.Reports.Model;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Html;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reports-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void SpecAndDataText_IsEscaped()
    {
        var classes = SyntheticReportInput.FashionClasses.Select((c, i) => i == 1 ? "<b>" : c).ToList();
        var input = SyntheticReportInput.Ofat("<script>alert(1)</script>", classes);

        var html = File.ReadAllText(ReportWriter.Write(input, _directory));

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<b></td>", html);
        Assert.Contains("<td>&lt;b&gt;</td>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void Write_ReplacesTheReportAtomicallyAndLeavesNoTemporaryFile()
    {
        var input = SyntheticReportInput.Ofat();
        ReportWriter.Write(input with { Sweep = input.Sweep with { Name = "first" } }, _directory);

        var path = ReportWriter.Write(input with { Sweep = input.Sweep with { Name = "second" } }, _directory);

        Assert.Equal(Path.Combine(_directory, "index.html"), path);
        Assert.Contains("<h1>second</h1>", File.ReadAllText(path));
        Assert.Equal(["index.html"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void EmptySweep_SaysWhyEverySectionIsEmpty()
    {
        var input = SyntheticReportInput.Ofat();
        var html = File.ReadAllText(ReportWriter.Write(input with { Trials = [] }, _directory));

        foreach (var id in Reports.Html.ReportPage.Sections.Select(s => s.Id)) Assert.Contains($"id=\"{id}\"", html);
        Assert.Contains("The sweep has no trials yet.", html);
        Assert.Contains("No trial has finished an epoch yet.", html);
        Assert.Contains("No trial has an objective yet.", html);
    }

    [Fact]
    public void EveryFailedTrial_IsListedWithTheFirstLineOfItsMessage()
    {
        var input = SyntheticReportInput.Ofat();
        var failed = input.Trials.Take(2).Select((t, i) => t with
        {
            State = TrialStates.Failed, Epochs = [], Objective = null, Test = null, BestEpoch = null,
            Message = i == 0 ? "the trial's worker exited with code 137\n   at Sweep.Something()" : null,
        }).ToList();

        var html = File.ReadAllText(ReportWriter.Write(input with { Trials = failed }, _directory));

        Assert.Contains("2 trials failed:", html);
        Assert.Contains($"#{failed[0].Index}: the trial&#39;s worker exited with code 137</li>", html);
        Assert.Contains($"#{failed[1].Index}: no message recorded</li>", html);
        Assert.DoesNotContain("Sweep.Something()", html);
    }

    [Fact]
    public void OneRunningTrialWithoutEpochs_Renders()
    {
        var input = SyntheticReportInput.Ofat();
        var running = input.Trials[0] with { State = TrialStates.Running, Epochs = [], Objective = null, Test = null, BestEpoch = null };

        var html = File.ReadAllText(ReportWriter.Write(input with { Trials = [running] }, _directory));

        Assert.Contains("running", html);
        Assert.Contains("no trial has an objective yet", html);
    }

    [Fact]
    public void ManyTrials_CapsTheSmallMultiplesAndSaysSo()
    {
        var html = File.ReadAllText(ReportWriter.Write(SyntheticReportInput.Large(120, 12), _directory));

        Assert.Contains("Showing 48 of 120 trials with curves", html);
    }

    [Fact]
    public void Importance_ForARandomSearch_NamesAndCitesTheMethod_ForOneAtATime_ShowsNoShare()
    {
        static string Importance(string html) => html[html.IndexOf("<section id=\"importance\"", StringComparison.Ordinal)..];

        var random = Importance(File.ReadAllText(ReportWriter.Write(SyntheticReportInput.Large(60, 8), _directory)));
        var ofat = Importance(File.ReadAllText(ReportWriter.Write(SyntheticReportInput.Ofat(), _directory)));

        Assert.Contains("fANOVA", random);
        Assert.Contains("Hutter, H. Hoos and K. Leyton-Brown", random);
        Assert.Contains("Main-effect share", random);
        Assert.Contains("interactions", random);
        Assert.DoesNotContain("Main-effect share", ofat);
        Assert.Contains("no variance share is shown", ofat);
        Assert.Contains("href=\"#effects\"", ofat);
    }

    [Fact]
    public void Page_MakesNoExternalReferences()
    {
        var html = File.ReadAllText(ReportWriter.Write(SyntheticReportInput.Ofat(), _directory));

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
    }
}
