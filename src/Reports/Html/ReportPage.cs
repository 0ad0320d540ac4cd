using System.Text;
using Sweep.Reports.Analysis;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

/// <summary>Renders the whole report as one self-contained HTML document. Pure: no disk, no network.</summary>
public static class ReportPage
{
    public static readonly IReadOnlyList<(string Id, string Title)> Sections =
    [
        ("summary", "Summary"), ("leaderboard", "Leaderboard"), ("curves", "Learning curves"),
        ("bias-variance", "Bias & variance"), ("effects", "Effects"), ("diagnostics", "Diagnostics"),
        ("sanity", "Sanity"), ("best-trial", "Best trial"), ("importance", "Importance"),
    ];

    public static string Render(ReportAnalysis analysis, ReportLimits limits)
    {
        var page = new PageContext(analysis, limits);
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
            .Append($"<title>{E(analysis.Input.Sweep.Name)} — sweep report</title><style>{Assets.Css}</style></head><body>\n");
        html.Append("<nav>").Append(string.Concat(Sections.Select(s => $"<a href=\"#{s.Id}\">{E(s.Title)}</a>"))).Append("</nav><main>\n");
        SummarySection.Write(html, page);
        LeaderboardSection.Write(html, page);
        CurvesSection.Write(html, page);
        BiasVarianceSection.Write(html, page);
        EffectsSection.Write(html, page);
        DiagnosticsSection.Write(html, page);
        SanitySection.Write(html, page);
        BestTrialSection.Write(html, page);
        ImportanceSection.Write(html, page);
        html.Append($"<footer>Written by sweep · {Plural(analysis.Input.Trials.Count, "trial")}</footer></main>");
        html.Append($"<script>{Assets.SortScript}</script></body></html>\n");
        return html.ToString();
    }
}
