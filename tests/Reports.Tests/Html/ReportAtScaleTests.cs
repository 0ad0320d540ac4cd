using System.Text.RegularExpressions;
using Sweep.Reports.Analysis;
using Sweep.Reports.Html;
using Sweep.Reports.Model;
using Sweep.Reports.Samples;

namespace Sweep.Reports.Tests.Html;

/// <summary>The page of a 1,000-trial sweep (random search, 50 epochs; stopped by ASHA) reads well: numbers formatted,
/// each diagnosis once, a paged leaderboard with each budget, and the early-stopping decisions the store recorded.</summary>
public sealed class ReportAtScaleTests
{
    private static readonly Lazy<ReportInput> Asha = new(() => SyntheticEarlyStopping.Asha(SyntheticReportInput.Large(1000, 50), grace: 5, reduction: 3));
    private static readonly Lazy<string> Page = new(() => ReportPage.Render(ReportAnalysis.Of(Asha.Value, DiagnosisThresholds.Default), ReportLimits.Default));

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void NoNumberHasMoreThanFiveDecimals()
    {
        var long_ = Regex.Matches(Page.Value, @"\d\.\d{6,}").Select(m => Page.Value.Substring(Math.Max(0, m.Index - 40), 60)).Take(3).ToList();
        Assert.True(long_.Count == 0, "long numbers: " + string.Join(" | ", long_));
    }

    [Fact]
    public void Diagnoses_EachKindOnceWithItsRuleOnce_WorstKindFirst()
    {
        var diagnostics = Section(Page.Value, "diagnostics");
        var kinds = Regex.Matches(diagnostics, "<div class=\"diagnosis\" id=\"diagnosis-([a-z-]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.True(kinds.Count >= 2, $"kinds: {string.Join(",", kinds)}");
        Assert.Equal(kinds.Distinct(), kinds);
        Assert.Equal("diverged", kinds[0]);
        Assert.Equal(kinds.Count, Regex.Matches(diagnostics, "<b>Rule:</b>").Count);
        // Once under overfitting and once under high variance, not once per trial.
        Assert.InRange(Regex.Matches(diagnostics, Regex.Escape("Dropout or BatchNorm")).Count, 1, 2);
        Assert.Contains("<details><summary>The other ", diagnostics);
        Assert.Contains("stopped early by early stopping", diagnostics);
        var summary = Page.Value[..Page.Value.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains("of them stopped early)", summary);
    }

    [Fact]
    public void Leaderboard_IsPagedAndShowsEachBudget_CompletedTrialsRankBeforePrunedOnes()
    {
        var leaderboard = Section(Page.Value, "leaderboard");
        Assert.Contains("class=\"sortable paged\" id=\"leaderboard-table\"", leaderboard);
        Assert.Contains("class=\"table-filter\"", leaderboard);
        Assert.Contains(">50 / 50</td>", leaderboard);
        Assert.Contains(">5 / 50</td>", leaderboard);
        // The first page is sent shown and the rest hidden; a page without script shows them all.
        var rowCount = Regex.Matches(leaderboard, "<tr[ >]").Count - 1;
        Assert.Equal(rowCount - LeaderboardSection.PageRows, Regex.Matches(leaderboard, "<tr[^>]* hidden>").Count);
        Assert.DoesNotContain(" hidden>", leaderboard[..IndexOfRow(leaderboard, LeaderboardSection.PageRows)]);
        Assert.Contains($"<noscript><style>{Assets.NoScriptCss}</style></noscript>", Page.Value);

        var rows = ReportAnalysis.Of(Asha.Value, DiagnosisThresholds.Default).Leaderboard.Where(r => r.Rank.HasValue).ToList();
        var firstShort = rows.FindIndex(r => !r.Budget.Full);
        Assert.True(firstShort > 0);
        Assert.All(rows.Skip(firstShort), r => Assert.False(r.Budget.Full));
    }

    /// <summary>Where the body's row <paramref name="row"/> (from 0) starts.</summary>
    private static int IndexOfRow(string table, int row) => Regex.Matches(table, "<tr[ >]")[row + 1].Index;

    [Fact]
    public void EarlyStopping_ShowsThePolicyRungsAndTheStoredReasons()
    {
        var section = Section(Page.Value, "early-stopping");
        Assert.Contains("rungs at epochs 5 × 3^k", section);
        Assert.Contains("<h3>Rungs</h3>", section);
        Assert.Contains("at rung 5: waits for promotion; pruned at epoch 5: not promoted from rung 5 once no other trial could reach it", section);
        Assert.Contains("Stopped at epoch 15:", section);
        Assert.Contains(Ranking.Rule, section);
    }

    [Fact]
    public void SearchSpace_DrawsParallelCoordinatesAndASlicePerParameter()
    {
        var section = Section(Page.Value, "search-space");
        Assert.Contains("parallel coordinates", section);
        Assert.Equal(Asha.Value.Sweep.Parameters.Count, Regex.Matches(section, "aria-label=\"objective against ").Count);
        Assert.Contains("stopped early are left out", section);
        Assert.Contains("training.lr (log scale)", section);
    }

    [Fact]
    public void OneAtATimeSweep_SaysWhyNoSearchSpaceIsDrawn()
    {
        var html = ReportPage.Render(ReportAnalysis.Of(SyntheticReportInput.Ofat(), DiagnosisThresholds.Default), ReportLimits.Default);
        Assert.Contains("Shown for grid and random sweeps", Section(html, "search-space"));
        Assert.Contains("Early stopping was off", Section(html, "early-stopping"));
        Assert.Contains("aria-label=\"objective against trial number\"", Section(html, "history"));
    }

    [Fact]
    public void SingleEpochTrials_DrawNoThumbnail_AndAreCounted()
    {
        var input = SyntheticReportInput.Ofat();
        var short_ = input.Trials.Select(t => t.Index == 3 ? t with { Epochs = t.Epochs.Take(1).ToList() } : t).ToList();
        var html = ReportPage.Render(ReportAnalysis.Of(input with { Trials = short_ }, DiagnosisThresholds.Default), ReportLimits.Default);

        var curves = Section(html, "curves");
        Assert.Contains("1 trial recorded one epoch only", curves);
        Assert.DoesNotContain("aria-label=\"loss curves of trial 3\"", curves);
    }

    [Fact]
    public void ParameterValues_AreShownShort()
    {
        Assert.Equal("1.235e-4", Text.Value("0.00012345678901234567"));
        Assert.Equal("0.1235", Text.Value("0.123456789"));
        Assert.Equal("128", Text.Value("128"));
        Assert.Equal("adam", Text.Value("adam"));
        Assert.Equal("[128, 64]", Text.Value("[128, 64]"));
    }
}
