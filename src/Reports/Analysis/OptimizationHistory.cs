using Sweep.Reports.Model;

namespace Sweep.Reports.Analysis;

/// <param name="Minutes">Since the sweep was created, when the trial finished; null while it has not.</param>
/// <param name="FullBudget">Trained every planned epoch; only such trials can be the best so far.</param>
public sealed record HistoryPoint(int TrialIndex, double Objective, double? Minutes, bool FullBudget);

/// <summary>A step of the best-so-far line: from <paramref name="X"/> on, the best objective is <paramref name="Best"/>.</summary>
public sealed record BestSoFar(double X, double Best);

/// <summary>Optuna's optimization history: every trial's objective against its number and against time, with the best
/// so far. The best so far counts only trials that trained their whole budget, as the leaderboard ranks them.</summary>
public sealed record OptimizationHistoryInfo(IReadOnlyList<HistoryPoint> Points, IReadOnlyList<BestSoFar> BestByTrial,
    IReadOnlyList<BestSoFar> BestByTime);

public static class OptimizationHistory
{
    public static OptimizationHistoryInfo Analyze(IReadOnlyList<TrialInfo> trials, DateTimeOffset createdAt, bool maximize)
    {
        var order = new ObjectiveOrder(maximize);
        var points = trials.Where(t => t.Objective is { } o && double.IsFinite(o))
            .OrderBy(t => t.Index)
            .Select(t => new HistoryPoint(t.Index, t.Objective!.Value,
                t.FinishedAt is { } finished ? (finished - createdAt).TotalMinutes : null, t.HadFullBudget))
            .ToList();
        var byTime = points.Where(p => p.Minutes.HasValue).OrderBy(p => p.Minutes).ThenBy(p => p.TrialIndex).ToList();
        return new OptimizationHistoryInfo(points,
            Steps(points, p => p.TrialIndex, order),
            Steps(byTime, p => p.Minutes!.Value, order));
    }

    /// <summary>One step per improvement, in the order given.</summary>
    private static IReadOnlyList<BestSoFar> Steps(IEnumerable<HistoryPoint> ordered, Func<HistoryPoint, double> x, ObjectiveOrder order)
    {
        var steps = new List<BestSoFar>();
        foreach (var point in ordered.Where(p => p.FullBudget))
            if (steps.Count == 0 || order.IsBetter(point.Objective, steps[^1].Best))
                steps.Add(new BestSoFar(x(point), point.Objective));
        return steps;
    }
}
