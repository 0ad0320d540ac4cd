using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Reports.Tests.Analysis;

public class HistoryAndSearchSpaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TrialInfo Trial(int index, double objective, double minutes, int epochs = 4, params ChangeInfo[] changes) =>
        Trials.Make(index, $"c{index}", objective, TrialRoles.Random, changes: changes, epochs: Trials.Flat(epochs, 0.9, objective))
            with { PlannedEpochs = 4, FinishedAt = Start.AddMinutes(minutes) };

    [Fact]
    public void History_BestSoFarStepsAtEachImprovement_ByTrialAndByTime()
    {
        // Trial 2 finishes first in time; trial 1 was stopped early, so it never counts as the best.
        var trials = new[] { Trial(0, 0.70, 10), Trial(1, 0.99, 12, epochs: 1), Trial(2, 0.80, 5), Trial(3, 0.75, 20), Trial(4, 0.85, 30) };

        var info = OptimizationHistory.Analyze(trials, Start, maximize: true);

        Assert.Equal(5, info.Points.Count);
        Assert.Equal([new BestSoFar(0, 0.70), new BestSoFar(2, 0.80), new BestSoFar(4, 0.85)], info.BestByTrial);
        Assert.Equal([new BestSoFar(5, 0.80), new BestSoFar(30, 0.85)], info.BestByTime);
        Assert.False(info.Points.Single(p => p.TrialIndex == 1).FullBudget);
    }

    [Fact]
    public void History_WhenMinimizing_StepsDown_AndUnfinishedTrialsHaveNoTime()
    {
        var trials = new[] { Trial(0, 0.5, 1), Trial(1, 0.3, 2) with { FinishedAt = null }, Trial(2, 0.4, 3) };

        var info = OptimizationHistory.Analyze(trials, Start, maximize: false);

        Assert.Equal([0.5, 0.3], info.BestByTrial.Select(s => s.Best));
        Assert.Equal([0.5, 0.4], info.BestByTime.Select(s => s.Best));
        Assert.Null(info.Points[1].Minutes);
    }

    private static SweepInfo Sweep(string strategy, params SearchParameterInfo[] parameters) =>
        new("id", "n", strategy, "d", "val_accuracy", true, Start, 1, 1, [], "cmd", 1, parameters,
            parameters.ToDictionary(p => p.Path, _ => "1"), 10, EarlyStoppingInfo.None);

    private static ChangeInfo Set(string path, string value) => new(path, value, "1");

    [Fact]
    public void SearchSpace_UsesTheSpecsScale_LogOnlyForALogUniformRange()
    {
        var sweep = Sweep("random",
            new SearchParameterInfo("lr", ParameterDistribution.LogUniform, 1e-4, 1e-1),
            new SearchParameterInfo("wd", ParameterDistribution.Uniform, 0.0001, 0.1),
            new SearchParameterInfo("opt", ParameterDistribution.Choice));
        var trials = new[]
        {
            Trial(0, 0.8, 1, changes: [Set("lr", "0.001"), Set("wd", "0.0001"), Set("opt", "sgd")]),
            Trial(1, 0.9, 2, changes: [Set("lr", "0.01"), Set("wd", "0.1"), Set("opt", "adam")]),
            Trial(2, 0.7, 3, epochs: 2, changes: [Set("lr", "0.1"), Set("wd", "0.05"), Set("opt", "adam")]),
        };

        var info = SearchSpaceView.Analyze(sweep, trials);

        Assert.True(info.Shown);
        Assert.Equal([ParameterAxis.Logarithmic, ParameterAxis.Linear, ParameterAxis.Categorical], info.Axes.Select(a => a.Kind));
        Assert.Equal((-4.0, -1.0), (info.Axes[0].Low, info.Axes[0].High));
        Assert.Equal(["adam", "sgd"], info.Axes[2].Categories);
        Assert.Equal(1, info.LeftOut);
        var first = info.Lines.Single(l => l.TrialIndex == 0).Positions;
        Assert.Equal(1.0 / 3, first[0], 9);
        Assert.Equal(0.0, first[1], 9);
        Assert.Equal(1.0, first[2], 9);
        Assert.Equal([-3.0, -2.0], info.Slices[0].Points.Select(p => Math.Round(p.Position, 9)));
    }

    [Fact]
    public void SearchSpace_IsNotShownForOneChangeAtATime()
    {
        var info = SearchSpaceView.Analyze(Sweep("ofat", new SearchParameterInfo("lr", ParameterDistribution.Values)), [Trial(0, 0.8, 1)]);
        Assert.False(info.Shown);
    }

    [Fact]
    public void ListedNumbersSpanningDecades_GoOnALogAxis_AUniformRangeDoesNot()
    {
        double[] values = [0.0001, 0.001, 0.01];
        Assert.Equal(ParameterAxis.Logarithmic, ValidationCurves.ChooseAxis(new("lr", ParameterDistribution.Values), values));
        Assert.Equal(ParameterAxis.Linear, ValidationCurves.ChooseAxis(new("lr", ParameterDistribution.Uniform, 0, 0.01), values));
        Assert.Equal(ParameterAxis.Logarithmic, ValidationCurves.ChooseAxis(new("lr", ParameterDistribution.LogUniform, 1e-4, 1e-2), values));
        Assert.Equal(ParameterAxis.Categorical, ValidationCurves.ChooseAxis(new("opt", ParameterDistribution.Choice), null));
    }

    [Fact]
    public void ValidationCurves_OfADrawnRange_AreBinnedOnItsScale_OverTrialsThatTrainedTheirBudget()
    {
        var input = Samples.SyntheticEarlyStopping.Asha(Samples.SyntheticReportInput.Large(300, 9), grace: 1, reduction: 3);

        var curves = ValidationCurves.Analyze(input.Sweep, input.Trials);

        var lr = curves.Single(c => c.Path == "training.lr");
        Assert.True(lr.Binned);
        Assert.Equal(ParameterAxis.Logarithmic, lr.Axis);
        Assert.InRange(lr.Points.Count, 2, ValidationCurves.RangeBins);
        var full = input.Trials.Count(t => t.HadFullBudget && t.State == TrialStates.Completed);
        Assert.Equal(full, lr.Points.Sum(p => p.Validation.Count));
        Assert.Equal(lr.Points.Select(p => p.Numeric).Order(), lr.Points.Select(p => p.Numeric));
        Assert.False(curves.Single(c => c.Path == "model.channels").Binned);
    }

    [Fact]
    public void DiagnosisGroups_OneGroupPerKind_WorstGroupFirst_TrialsWorstFirst()
    {
        var input = Samples.SyntheticReportInput.Ofat();
        var analysis = ReportAnalysis.Of(input, DiagnosisThresholds.Default);

        var groups = analysis.DiagnosisGroups;
        Assert.Equal(groups.Select(g => g.Kind).Distinct(), groups.Select(g => g.Kind));
        Assert.Equal(DiagnosisKind.Diverged, groups[0].Kind);
        Assert.Equal(groups.Select(g => g.WorstSeverity).OrderDescending(), groups.Select(g => g.WorstSeverity));
        Assert.All(groups, g => Assert.Equal(g.Trials.Select(t => t.Diagnosis.Severity).OrderDescending(), g.Trials.Select(t => t.Diagnosis.Severity)));
        Assert.Equal(analysis.RankedDiagnoses.Count, groups.Sum(g => g.Trials.Count));
        var overfitting = groups.Single(g => g.Kind == DiagnosisKind.Overfitting);
        Assert.Contains(overfitting.Tested, t => t.Effect.Changes[0].Path == "model.dropout");
    }
}
