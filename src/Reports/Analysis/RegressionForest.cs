namespace Sweep.Reports.Analysis;

/// <summary>A bagged forest of <see cref="RegressionTree"/>s with the settings of Optuna's fANOVA evaluator
/// (64 trees, depth ≤ 64, a node with 2 samples may split, leaves of 1, every input tried at every split, in a
/// random order). The
/// bootstraps come from a fixed seed so the same sweep always gives the same forest.</summary>
public sealed class RegressionForest
{
    public const int DefaultTrees = 64;
    public const int DefaultMaxDepth = 64;
    public const int DefaultSeed = 0;
    private const int MinSamplesSplit = 2;

    public IReadOnlyList<RegressionTree> Trees { get; }
    public IReadOnlyList<FeatureDomain> Domains { get; }

    private RegressionForest(IReadOnlyList<RegressionTree> trees, IReadOnlyList<FeatureDomain> domains) =>
        (Trees, Domains) = (trees, domains);

    /// <param name="inputs">One row per sample, one column per domain.</param>
    public static RegressionForest Fit(double[][] inputs, double[] targets, IReadOnlyList<FeatureDomain> domains,
        int trees = DefaultTrees, int maxDepth = DefaultMaxDepth, int seed = DefaultSeed)
    {
        if (inputs.Length != targets.Length || inputs.Length == 0)
            throw new ArgumentException("need one target per input row, and at least one row", nameof(targets));
        var random = new Random(seed);
        var fitted = new List<RegressionTree>(trees);
        for (var t = 0; t < trees; t++)
        {
            var bootstrap = new int[inputs.Length];
            for (var i = 0; i < bootstrap.Length; i++) bootstrap[i] = random.Next(inputs.Length);
            fitted.Add(RegressionTree.Fit(inputs, targets, domains, bootstrap, maxDepth, MinSamplesSplit, random));
        }
        return new RegressionForest(fitted, domains);
    }
}
