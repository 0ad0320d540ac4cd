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
        PageContext.Section(html, "effects", "Effect of each change",
            $"Every single change against the baseline of its round. Whiskers and “noise” are the half-width of the 95 % confidence interval of the difference. {E(SeedNoise.Statement)}",
            () =>
            {
                WriteEffects(html, page);
                WriteAdaptivePath(html, page);
                WriteInteractions(html, page);
            });
    }

    private static void WriteEffects(StringBuilder html, PageContext page)
    {
        var effects = page.Analysis.Effects;
        if (effects.Count == 0)
        {
            PageContext.Empty(html, page.Analysis.Input.Trials.Any(t => t.Role == Model.TrialRoles.SingleChange)
                ? "No single change and its baseline both have results yet."
                : "This sweep has no single-change (OFAT) trials; see the leaderboard and parameter importance instead.");
            return;
        }
        if (effects.All(e => e.Noise.HalfWidth is null))
            html.Append("<p class=\"warn\">Each configuration ran with one seed, so seed noise is unknown: small differences may be noise. Set <code>repeats: 2</code> or more to get a noise band.</p>");
        html.Append(page.Svg(EffectsPlot.Build(effects, page.Scale, page.Analysis.Input.Sweep.Maximize), 820, EffectsPlot.HeightFor(effects.Count), "effect of each change on the objective"));
        html.Append("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr><th>Change</th><th data-type=\"number\">Round</th>")
            .Append($"<th data-type=\"number\">{E(page.ObjectiveName)}</th><th data-type=\"number\">Δ objective</th><th data-type=\"number\">noise (95 % CI)</th><th>Verdict</th>")
            .Append("<th data-type=\"number\">Gap (pts)</th><th data-type=\"number\">Δ gap (pts)</th></tr></thead><tbody>");
        foreach (var e in effects)
        {
            html.Append("<tr>")
                .Append($"<td>{E(string.Join("; ", e.Changes.Select(Change)))}</td>")
                .Append($"<td class=\"num\">{e.Config.Round}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.Objective.Mean)}\">{MetricSpread(e.Objective, page.Scale)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.DeltaObjective)}\">{Delta(e.DeltaObjective, page.Scale)}</td>")
                .Append($"<td class=\"num\" data-sort=\"{SortKey(e.Noise.HalfWidth)}\">{Noise(e.Noise, page)}</td>")
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
        var path = page.Analysis.AdaptivePath;
        if (path.Unrecorded)
        {
            PageContext.Empty(html, "This sweep was recorded before Sweep stored its strategy's decisions, so the rounds are not shown as decided; the effects above still compare each change with its round's baseline.");
            return;
        }
        if (path.Rounds.Count == 0) { PageContext.Empty(html, "Not an adaptive sweep, or its first round has not finished."); return; }
        html.Append("<p class=\"muted\">As the strategy decided each round when it finished, with the numbers it had then.</p>");
        html.Append("<table><thead><tr><th>Round</th><th>Baseline of the round</th><th>Its objective</th><th>Changes tried</th><th>Best change</th><th>Δ objective</th><th>Noise (95 % CI)</th><th>Decision</th></tr></thead><tbody>");
        foreach (var round in path.Rounds)
        {
            var best = round.Best;
            html.Append("<tr>")
                .Append($"<td class=\"num\">{round.Round}</td>")
                .Append($"<td>{E(round.Baseline.Count == 0 ? "written baseline" : string.Join("; ", round.Baseline.Select(Change)))}</td>")
                .Append($"<td class=\"num\">{(round.Reference is { } r ? Measured(r, page) : Missing)}</td>")
                .Append($"<td class=\"num\">{round.ConfigurationsTried}</td>")
                .Append($"<td>{(best is null ? Missing : E(string.Join("; ", best.Measured.Changes.Skip(round.Baseline.Count).Select(Change))))}</td>")
                .Append($"<td class=\"num\">{(best is null ? Missing : Delta(page.Analysis.Input.Sweep.Maximize ? best.Gain : -best.Gain, page.Scale))}</td>")
                .Append($"<td class=\"num\">{(best is null ? Missing : Noise(best.Noise, page))}</td>")
                .Append($"<td>{E(round.Outcome)}</td>")
                .Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string Measured(Model.DecisionMean mean, PageContext page) =>
        MetricSpread(new MeanSpread(mean.Mean, mean.Count > 1 ? mean.StandardError * Math.Sqrt(mean.Count) : null, mean.Count), page.Scale);

    private static string Noise(NoiseJudgement noise, PageContext page) =>
        noise.HalfWidth is { } half ? "±" + Delta(half, page.Scale).TrimStart('+') : "unknown";

    private static void WriteInteractions(StringBuilder html, PageContext page)
    {
        html.Append("<h3>Interaction check</h3>");
        WritePairsChosen(html, page);
        var checks = page.Analysis.Interactions;
        if (checks.Count == 0)
        {
            PageContext.Empty(html, page.Analysis.Input.Trials.Any(t => t.Role == Model.TrialRoles.Interaction)
                ? "Interaction trials have no results yet, or their single changes have none."
                : "The sweep ran no pairs of changes (set interactions: K to test the K best changes together).");
            return;
        }
        html.Append("<p class=\"muted\">If two changes do not interact, Δpair ≈ Δa + Δb. The residual is Δpair − (Δa + Δb); it counts only when its 95 % confidence interval (over the four configurations' seed repeats) excludes zero.</p>");
        html.Append("<table><thead><tr><th>Change a</th><th>Change b</th><th>Δa</th><th>Δb</th><th>Δa + Δb</th><th>Δpair</th><th>Residual</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var c in checks)
        {
            html.Append("<tr>")
                .Append($"<td>{E(Change(c.First))}</td><td>{E(Change(c.Second))}</td>")
                .Append($"<td class=\"num\">{Delta(c.DeltaFirst, page.Scale)}</td><td class=\"num\">{Delta(c.DeltaSecond, page.Scale)}</td>")
                .Append($"<td class=\"num\">{Delta(c.Expected, page.Scale)}</td><td class=\"num\">{Delta(c.DeltaPair, page.Scale)}</td>")
                .Append($"<td class=\"num\">{Delta(c.Residual, page.Scale)}{(c.Noise.HalfWidth is { } n ? " ± " + Delta(n, page.Scale).TrimStart('+') : "")}</td>")
                .Append($"<td>{Evidence.Verdict(c.Verdict)}</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>Which changes the strategy paired, and on what evidence, as it recorded the choice.</summary>
    private static void WritePairsChosen(StringBuilder html, PageContext page)
    {
        var decision = page.Analysis.Input.SearchDecisions.FirstOrDefault(d => d.Kind == Model.DecisionKinds.InteractionPairs);
        if (decision is null) return;
        var chosen = decision.Candidates.Where(c => decision.Chosen.Contains(c.Measured.ConfigKey))
            .OrderBy(c => decision.Chosen.ToList().IndexOf(c.Measured.ConfigKey)).ToList();
        var maximize = page.Analysis.Input.Sweep.Maximize;
        html.Append("<p>")
            .Append(chosen.Count == 0
                ? "The strategy paired no changes: none of the round-0 changes improved on the baseline by the rule above."
                : "The strategy paired " + string.Join(", ", chosen.Select(c =>
                    $"<code>{E(string.Join("; ", c.Measured.Changes.Select(Change)))}</code> ({Delta(maximize ? c.Gain : -c.Gain, page.Scale)}, {Evidence.Verdict(c.Noise.Verdict)})"))
                  + ": the changes with the largest supported gain over the baseline, one value per parameter.")
            .Append("</p>");
    }
}
