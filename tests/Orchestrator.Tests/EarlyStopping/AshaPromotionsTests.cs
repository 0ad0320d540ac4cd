using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.EarlyStopping;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Tests.EarlyStopping;

public class AshaPromotionsTests
{
    private static readonly EarlyStoppingSpec Asha = new()
        { Policy = EarlyStoppingPolicy.Asha, GraceEpochs = 1, Reduction = 3 };

    private static readonly ObjectiveSpec Maximize = new() { Mode = ObjectiveMode.Max };
    private static readonly ObjectiveSpec Minimize = new() { Mode = ObjectiveMode.Min };

    private static IReadOnlyList<int> Promotable(Dictionary<int, IReadOnlyList<double>> curves, int[] paused,
        bool rungsFinal = false, ObjectiveSpec? objective = null) =>
        AshaPromotions.Promotable(Asha, objective ?? Maximize, paused, curves, rungsFinal);

    [Fact]
    public void APausedTrial_IsPromoted_OnceEnoughWorseTrialsReachItsRung()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>> { [0] = [0.7], [1] = [0.6] };

        Assert.Empty(Promotable(curves, [0, 1]));
        curves[2] = [0.5];
        Assert.Equal([0], Promotable(curves, [0, 1, 2]));
    }

    [Fact]
    public void TheTopOfARung_CountsTrialsAlreadyPromoted()
    {
        // Six at rung 1 keep two: trial 3 went on already, so only trial 0 (0.8) joins it; 0.7 stays paused.
        var curves = new Dictionary<int, IReadOnlyList<double>>
        {
            [0] = [0.8], [1] = [0.7], [2] = [0.2], [3] = [0.9, 0.91], [4] = [0.3], [5] = [0.4],
        };

        Assert.Equal([0], Promotable(curves, [0, 1, 2, 4, 5]));
    }

    [Fact]
    public void HigherRungsComeFirst_ThenBetterObjectives()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>>
        {
            [0] = [0.80], [1] = [0.85], [2] = [0.1], [3] = [0.2], [4] = [0.3], [5] = [0.4],
            [6] = [0.5, 0.55, 0.60], [7] = [0.5, 0.5, 0.5], [8] = [0.5, 0.45, 0.40],
        };

        Assert.Equal([6, 1, 0], Promotable(curves, [0, 1, 2, 3, 4, 5, 6, 7, 8]));
    }

    [Fact]
    public void OnceTheRungsAreFinal_TheBestOfASmallRungStillGoesOn()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>> { [0] = [0.7], [1] = [0.6] };

        Assert.Empty(Promotable(curves, [0, 1], rungsFinal: false));
        Assert.Equal([0], Promotable(curves, [0, 1], rungsFinal: true));
    }

    [Fact]
    public void WhenMinimizing_TheLowestValueIsPromoted()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>> { [0] = [0.7], [1] = [0.6], [2] = [0.9] };

        Assert.Equal([1], Promotable(curves, [0, 1, 2], objective: Minimize));
    }

    [Fact]
    public void ANonFiniteObjective_IsNeverPromoted()
    {
        var curves = new Dictionary<int, IReadOnlyList<double>> { [0] = [double.NaN], [1] = [double.NaN] };

        Assert.Empty(Promotable(curves, [0, 1], rungsFinal: true));
        curves[2] = [0.1];
        Assert.Equal([2], Promotable(curves, [0, 1, 2], rungsFinal: true));
    }
}
