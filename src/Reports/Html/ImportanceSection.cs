using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class ImportanceSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var info = page.Analysis.Importance;
        if (info.OneAtATime) { WriteOneAtATime(html, page, info); return; }
        PageContext.Section(html, "importance", "Parameter importance",
            $"How much of the objective's variance each parameter explains on its own: {E(Importance.Method)}, over {Plural(info.TrialCount, "trial")} with an objective.", () =>
            {
                foreach (var caveat in info.Caveats) html.Append($"<p class=\"warn\">{E(caveat)}</p>");
                if (info.Parameters.Count == 0) { PageContext.Empty(html, "The sweep varies no parameter."); return; }
                if (info.MainEffectsTotal is { } explained)
                {
                    html.Append(page.Svg(ImportancePlot.Build(info), 820, Math.Clamp(120 + 34 * info.Parameters.Count, 200, 900), "parameter importance"));
                    html.Append($"<p>Main effects together explain {Percent(explained)} of the variance; the other {Percent(Math.Max(0, 1 - explained))} is interactions between parameters and seed noise the forest fitted.</p>");
                }
                html.Append("<table><thead><tr><th>Parameter</th><th>Values with results</th><th>Measured as</th><th>Main-effect share</th><th>± over trees</th></tr></thead><tbody>");
                foreach (var p in info.Parameters)
                    html.Append($"<tr><td><code>{E(p.Path)}</code></td><td class=\"num\">{p.DistinctValues}</td><td>{E(ScaleText(p.Scale))}</td>")
                        .Append($"<td class=\"num\">{(p.Share.HasValue ? Percent(p.Share) : E(p.NoShareReason))}</td><td class=\"num\">{(p.ShareSpread.HasValue ? Percent(p.ShareSpread) : Missing)}</td></tr>");
                html.Append("</tbody></table>");
                WriteMethod(html);
            });
    }

    private static string ScaleText(ParameterScale scale) => scale switch
    {
        ParameterScale.Linear => "range",
        ParameterScale.Logarithmic => "range, log scale",
        ParameterScale.Levels => "listed values",
        _ => "categories",
    };

    private static void WriteMethod(StringBuilder html)
    {
        html.Append("<h3>Method and caveats</h3>")
            .Append($"<p>Functional ANOVA (fANOVA) as in {E(Fanova.Citation)}. A random forest of {RegressionForest.DefaultTrees} regression trees ")
            .Append("is fitted to the trials; each tree cuts the space of parameter values into boxes, and on those boxes the variance of the tree's ")
            .Append("prediction splits exactly into a part for each parameter alone (its main effect), parts for each group of parameters ")
            .Append("together (interactions), and nothing else. A parameter's share is the variance of its marginal — the prediction averaged over ")
            .Append("every other parameter — divided by the prediction's total variance, with every parameter uniform over its domain; shares are ")
            .Append("averaged over the trees. Main effects are separate parts of one variance, so the shares sum to at most 100 %.</p><ul>")
            .Append("<li>A range the spec draws from (uniform, log-uniform, integer) spans the spec's bounds, on a log scale when ")
            .Append("the spec draws it log-uniformly. For listed values the domain is what the trials reached: numbers span their smallest to ")
            .Append($"their largest value, on a log scale when those are positive, at least {ValidationCurves.LogAxisSpan:0}× apart and spread ")
            .Append("more evenly over decades than over the range; numbers that repeat (a list) count each value equally, and text or booleans are categories.</li>")
            .Append("<li>Leaves hold single trials, so seed noise is fitted as if it were an effect: it mostly lands in the interactions, and can give ")
            .Append("a parameter the objective ignores a few percent. With a few hundred trials, a parameter that acts only together with another ")
            .Append("can still show up to about 10 % alone. Compare a share with its ± over the trees, and use repeats to average noise out.</li>")
            .Append("<li>A share says how much the objective depends on a parameter, not which value is best: see the leaderboard and the validation curves.</li>")
            .Append($"<li>Shares are shown from {Importance.MinTrials} trials with an objective and 2 values of the parameter; the forest's bootstraps come ")
            .Append("from a fixed seed, so the same trials give the same shares. Settings follow Optuna's <code>FanovaImportanceEvaluator</code>: ")
            .Append($"depth ≤ {RegressionForest.DefaultMaxDepth}, a node of 2 trials may split, every parameter is tried at every split.</li></ul>");
    }

    /// <summary>One change at a time measures each value once against the baseline, not over a spread of the other
    /// parameters, so a variance share would not mean what it says; the effects against the baseline do.</summary>
    private static void WriteOneAtATime(StringBuilder html, PageContext page, ImportanceInfo info)
    {
        PageContext.Section(html, "importance", "Parameter importance",
            "This sweep changed one parameter at a time from the baseline, so no variance share is shown: shares over such trials would not mean " +
            "what they say. Instead, each parameter's best single change and how far the objective moved over its values, both against the " +
            "baseline; the numbers are those of <a href=\"#effects\">the effects section</a>.", () =>
            {
                if (info.Effects.Count == 0) { PageContext.Empty(html, "The sweep varies no parameter."); return; }
                html.Append($"<table><thead><tr><th>Parameter</th><th>Values tried</th><th>Best change</th><th>Δ {E(page.ObjectiveName)}</th><th>Verdict</th><th>Range over its values</th></tr></thead><tbody>");
                foreach (var p in info.Effects)
                {
                    html.Append($"<tr><td><code>{E(p.Path)}</code></td><td class=\"num\">{p.ValuesTried}</td>");
                    if (p.Best is { } best)
                        html.Append($"<td>{E(string.Join("; ", best.Changes.Select(Change)))}</td><td class=\"num\">{Delta(best.DeltaObjective, page.Scale)}</td>")
                            .Append($"<td><span class=\"verdict v-{best.Verdict}\">{Evidence.Verdict(best.Verdict)}</span></td><td class=\"num\">{Delta(p.Range, page.Scale).TrimStart('+')}</td>");
                    else
                        html.Append($"<td colspan=\"4\">no single change with results yet</td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
            });
    }
}
