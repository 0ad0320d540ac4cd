using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Plots;
using static Sweep.Reports.Html.Text;

namespace Sweep.Reports.Html;

public static class BiasVarianceSection
{
    public static void Write(StringBuilder html, PageContext page)
    {
        var a = page.Analysis;
        var t = a.Thresholds;
        PageContext.Section(html, "bias-variance", "Bias and variance",
            $"Each finished trial at its last epoch (running trials and trials stopped early are left out): training error (bias) across, validation − training error (variance) up. Regions follow the diagnosis thresholds: high bias from {Percent(t.HighBiasTrainError, "0")} training error, high variance from a {Points(t.HighVarianceGap)}-point gap.",
            () =>
            {
                html.Append(page.Svg(BiasVariancePlot.Build(a.BiasVariance), 820, 480, "bias-variance scatter of all trials"));
                if (a.BiasVariance.Points.Count == 0) PageContext.Empty(html, "No trial has finished an epoch yet, so no trial can be placed.");

                html.Append($"<h3>Validation curves</h3><p class=\"muted\">Train and validation accuracy of trials that trained their whole budget, at their last epoch, against each varied parameter, ±1 standard deviation over seeds (as scikit-learn's <code>validation_curve</code>). \"One at a time\" uses only the baseline and the trials changing that parameter alone; \"marginal\" averages over the other parameters. A drawn range is cut into {ValidationCurves.RangeBins} equal bins on its scale, ± over the trials in each.</p>");
                if (a.ValidationCurves.Count == 0) { PageContext.Empty(html, "The sweep varies no parameter."); return; }
                html.Append("<div class=\"grid2\">");
                foreach (var curve in a.ValidationCurves)
                {
                    html.Append($"<figure><figcaption><code>{E(curve.Path)}</code> <span class=\"muted\">{(curve.OneAtATime ? "one at a time" : "marginal")}{(curve.Binned ? $", {ValidationCurves.RangeBins} bins" : "")}</span></figcaption>")
                        .Append(page.Svg(ValidationCurvePlot.Build(curve), 520, 320, $"validation curve of {curve.Path}"))
                        .Append("</figure>");
                }
                html.Append("</div>");
            });
    }
}
