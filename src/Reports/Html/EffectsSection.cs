using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class EffectsSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var k = a.Thresholds.NoiseStandardErrors;
        PageContext.Section(html, "effects", "Effect of each change",
            $"Every single change against the baseline of its round. Whiskers and “noise” are ±{k:0} standard errors of the difference over seed repeats; a change is called better or worse only beyond that band.",
            () =>
            {
                WriteEffects(html, page, k);
                WriteAdaptivePath(html, page);
                WriteInteractions(html, page, k);
            });
    }

    private static void WriteEffects(StringBuilder html, PageContext page, double k)
    {
        var effects = page.Analysis.Effects;
        if (effects.Count == 0)
        {
            PageContext.Empty(html, page.Analysis.Input.Trials.Any(t => t.Role == Model.TrialRoles.SingleChange)
                ? "No single change and its baseline both have results yet."
                : "This sweep has no single-change (OFAT) trials; see the leaderboard and parameter importance instead.");
            return;
        }
        if (effects.All(e => e.ObjectiveNoise is null))
            html.Append("<p class=\"warn\">Each configuration ran with one seed, so seed noise is unknown: small differences may be noise. Set <code>repeats: 2</code> or more to get a noise band.</p>");
        html.Append(page.Svg(EffectsPlot.Build(effects, page.Scale, page.Analysis.Input.Sweep.Maximize, k), 820, EffectsPlot.HeightFor(effects.Count), "effect of each change on the objective"));
        html.Append("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr><th>Change</th><th data-type=\"number\">Round</th>")
            .Append($"<th data-type=\"number\">{E(page.ObjectiveName)}</th><th data-type=\"number\">Δ objective</th><th data-type=\"number\">noise (±{k:0} SE)</th><th>Verdict</th>")
            .Append("<th data-type=\"number\">Gap (pts)</th><th data-type=\"number\">Δ gap (pts)</th></tr></thead><tbody>");
        foreach (var e in effects)
        {
            html.Append("<tr>")
                .Append($"<td>{E(string.Join("; ", e.Changes.Select(Change)))}</td>")
                .Append($"<td class=\"num\">{e.Config.Round}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.Objective.Mean)}\">{MetricSpread(e.Objective, page.Scale)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.DeltaObjective)}\">{Delta(e.DeltaObjective, page.Scale)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.ObjectiveNoise)}\">{(e.ObjectiveNoise is { } n ? "±" + Delta(k * n, page.Scale).TrimStart('+') : "unknown")}</td>")
                .Append($"<td><span class=\"verdict v-{e.Verdict}\">{Evidence.Verdict(e.Verdict)}</span></td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.Gap?.Mean)}\">{Points(e.Gap?.Mean)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.DeltaGap)}\">{(e.DeltaGap is { } g ? (100 * g).ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) : Missing)}</td>")
                .Append("</tr>\n");
        }
        html.Append("</tbody></table></div>");
    }

    private static void WriteAdaptivePath(StringBuilder html, PageContext page)
    {
        html.Append("<h3>Adaptive path</h3>");
        var rounds = page.Analysis.AdaptivePath;
        if (rounds.Count == 0) { PageContext.Empty(html, "Not an adaptive sweep: every trial belongs to round 0."); return; }
        html.Append("<table><thead><tr><th>Round</th><th>Baseline of the round</th><th>Its objective</th><th>Changes tried</th><th>Best change</th><th>Δ objective</th><th>Adopted</th></tr></thead><tbody>");
        foreach (var round in rounds)
        {
            html.Append("<tr>")
                .Append($"<td class=\"num\">{round.Round}</td>")
                .Append($"<td>{E(Configuration(round.Baseline))}</td>")
                .Append($"<td class=\"num\">{MetricSpread(round.Baseline.Objective, page.Scale)}</td>")
                .Append($"<td class=\"num\">{round.ConfigurationsTried}</td>")
                .Append($"<td>{(round.Chosen is { } c ? E(string.Join("; ", c.Changes.Select(Change))) : Missing)}</td>")
                .Append($"<td class=\"num\">{Delta(round.Chosen?.DeltaObjective, page.Scale)}</td>")
                .Append($"<td>{(round.Improved ? "yes" : "no — no change beat the round's baseline")}</td>")
                .Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void WriteInteractions(StringBuilder html, PageContext page, double k)
    {
        html.Append("<h3>Interaction check</h3>");
        var checks = page.Analysis.Interactions;
        if (checks.Count == 0)
        {
            PageContext.Empty(html, page.Analysis.Input.Trials.Any(t => t.Role == Model.TrialRoles.Interaction)
                ? "Interaction trials have no results yet, or their single changes have none."
                : "The sweep ran no pairs of changes (set interactions: K to test the K best changes together).");
            return;
        }
        html.Append($"<p class=\"muted\">If two changes do not interact, Δpair ≈ Δa + Δb. The residual is Δpair − (Δa + Δb); it counts only beyond ±{k:0} standard errors.</p>");
        html.Append("<table><thead><tr><th>Change a</th><th>Change b</th><th>Δa</th><th>Δb</th><th>Δa + Δb</th><th>Δpair</th><th>Residual</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var c in checks)
        {
            html.Append("<tr>")
                .Append($"<td>{E(Change(c.First))}</td><td>{E(Change(c.Second))}</td>")
                .Append($"<td class=\"num\">{Delta(c.DeltaFirst, page.Scale)}</td><td class=\"num\">{Delta(c.DeltaSecond, page.Scale)}</td>")
                .Append($"<td class=\"num\">{Delta(c.Expected, page.Scale)}</td><td class=\"num\">{Delta(c.DeltaPair, page.Scale)}</td>")
                .Append($"<td class=\"num\">{Delta(c.Residual, page.Scale)}{(c.Noise is { } n ? " ± " + Delta(k * n, page.Scale).TrimStart('+') : "")}</td>")
                .Append($"<td>{Evidence.Verdict(c.Verdict)}</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}
