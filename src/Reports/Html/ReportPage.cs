using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

/// <summary>Renders the whole report as one self-contained HTML document, or its sections one by one for a page that
/// replaces them as the sweep changes. Pure: no disk, no network.</summary>
public static class ReportPage
{
    public static readonly IReadOnlyList<ReportSection> Sections =
    [
        new("summary", "Summary", SummarySection.Write),
        new("leaderboard", "Leaderboard", LeaderboardSection.Write),
        new("history", "History", HistorySection.Write),
        new("early-stopping", "Early stopping", EarlyStoppingSection.Write),
        new("curves", "Learning curves", CurvesSection.Write),
        new("bias-variance", "Bias & variance", BiasVarianceSection.Write),
        new("effects", "Effects", EffectsSection.Write),
        new("diagnostics", "Diagnostics", DiagnosticsSection.Write),
        new("sanity", "Sanity", SanitySection.Write),
        new("best-trial", "Best trial", BestTrialSection.Write),
        new("importance", "Importance", ImportanceSection.Write),
        new("search-space", "Search space", SearchSpaceSection.Write),
    ];

    public static string Render(ReportAnalysis analysis, ReportLimits limits)
    {
        var html = new StringBuilder(1 << 20);
        html.Append(Head(analysis.Input.Sweep.Name, extraScript: null));
        foreach (var (_, sectionHtml) in RenderSections(analysis, limits)) html.Append(sectionHtml);
        html.Append(Foot(analysis));
        return html.ToString();
    }

    /// <summary>Each section's HTML (one <c>&lt;section id=…&gt;</c> element), in page order. Plot ids are prefixed by
    /// the section's id, so a section drawn again later never collides with the others on the page.</summary>
    public static IReadOnlyList<(string Id, string Html)> RenderSections(ReportAnalysis analysis, ReportLimits limits) =>
        Sections.Select(section =>
        {
            var html = new StringBuilder(1 << 14);
            section.Write(html, new PageContext(analysis, limits, section.Id));
            return (section.Id, html.ToString());
        }).ToList();

    /// <summary>Everything before the first section. <paramref name="extraScript"/> is for a page that keeps itself
    /// current; the static report has none.</summary>
    public static string Head(string sweepName, string? extraScript) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
        + (extraScript is null ? "" : "; connect-src 'self'") + "\">"
        + $"<title>{E(sweepName)} — sweep report</title><style>{Assets.Css}</style><noscript><style>{Assets.NoScriptCss}</style></noscript></head><body>\n"
        + "<nav>" + string.Concat(Sections.Select(s => $"<a href=\"#{s.Id}\">{E(s.Title)}</a>")) + "</nav><main>\n";

    public static string Foot(ReportAnalysis analysis, string? extraScript = null) =>
        $"<footer>Written by sweep · {Plural(analysis.Input.Trials.Count, "trial")}</footer></main>"
        + $"<script>{Assets.SortScript}\n{Assets.TableScript}</script>"
        + (extraScript is null ? "" : $"<script>{extraScript}</script>")
        + "</body></html>\n";
}
