using ScottPlot;
using Sweep.Reports.Analysis;

namespace Sweep.Reports.Plots;

/// <summary>Δ objective of each single change against its baseline as horizontal bars, best at the top, whiskers at
/// the half-width of the difference's 95 % confidence interval (none when one seed leaves the noise unknown).</summary>
public static class EffectsPlot
{
    public static Plot Build(IReadOnlyList<ChangeEffect> effects, MetricScale scale, bool maximize)
    {
        var unit = scale == MetricScale.Percent ? " (points)" : "";
        var plot = PlotTheme.NewPlot(null, "Δ objective vs baseline" + unit);
        if (effects.Count == 0) return PlotTheme.WithNoDataNote(plot, "no single change has a result yet");

        var order = new ObjectiveOrder(maximize);
        var bars = effects.Select((effect, i) => new Bar
        {
            Position = effects.Count - 1 - i,
            Value = scale.Factor * effect.DeltaObjective,
            Error = scale.Factor * (effect.Noise.HalfWidth ?? 0),
            FillColor = effect.Verdict switch
            {
                EffectVerdict.Better => PlotTheme.Better,
                EffectVerdict.Worse => PlotTheme.Worse,
                _ => order.Improvement(effect.DeltaObjective) >= 0 ? PlotTheme.Better.WithAlpha(0.45) : PlotTheme.Worse.WithAlpha(0.45),
            },
            Orientation = Orientation.Horizontal,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Add.VerticalLine(0, 1, PlotTheme.Neutral);
        plot.Axes.Left.SetTicks(
            bars.Select(b => b.Position).ToArray(),
            effects.Select(e => Describe(e)).ToArray());
        plot.Axes.SetLimitsY(-0.6, effects.Count - 0.4);
        return plot;
    }

    private static string Describe(ChangeEffect effect)
    {
        var text = string.Join(" + ", effect.Changes.Select(c => $"{c.Path}={Html.Text.Value(c.Value)}"));
        return text.Length <= 40 ? text : text[..39] + "…";
    }

    /// <summary>Tall enough that every bar's label has room.</summary>
    public static int HeightFor(int effects) => Math.Clamp(90 + 26 * effects, 200, 1400);
}
