namespace Sweep.Reports.Analysis;

/// <summary>Functional ANOVA main effects of a random forest, computed exactly from each tree's partition of the
/// input space (Hutter, Hoos &amp; Leyton-Brown, ICML 2014). The space is the product of the inputs' domains with
/// the uniform measure on each. For input i, the marginal aᵢ(v) averages the tree over every other input; its
/// variance over vᵢ, divided by the tree's total variance, is the share of variance input i explains alone. The
/// main effects are orthogonal parts of the tree's variance, so the shares of one tree sum to at most 1; the rest
/// is interactions. Shares are averaged over the trees.</summary>
public static class Fanova
{
    public const string Citation = "F. Hutter, H. Hoos and K. Leyton-Brown, “An Efficient Approach for Assessing " +
        "Hyperparameter Importance”, Proceedings of the 31st International Conference on Machine Learning (ICML), " +
        "PMLR 32(1):754–762, 2014";

    /// <summary>Each input's share of variance: mean and spread over the trees that vary at all; null when none
    /// does (every target equal).</summary>
    public static IReadOnlyList<MeanSpread>? MainEffects(RegressionForest forest)
    {
        var perTree = forest.Trees.Select(t => TreeShares(t, forest.Domains)).OfType<double[]>().ToList();
        if (perTree.Count == 0) return null;
        return Enumerable.Range(0, forest.Domains.Count).Select(i => MeanSpread.Of(perTree.Select(s => s[i]))!).ToList();
    }

    /// <summary>Null for a tree that predicts one value everywhere.</summary>
    public static double[]? TreeShares(RegressionTree tree, IReadOnlyList<FeatureDomain> domains)
    {
        var leaves = Leaves(tree, domains);
        var mean = leaves.Sum(l => l.Volume * l.Value);
        var total = leaves.Sum(l => l.Volume * (l.Value - mean) * (l.Value - mean));
        if (!(total > 0)) return null;
        return Enumerable.Range(0, domains.Count).Select(i => MarginalVariance(tree, domains, leaves, i, mean) / total).ToArray();
    }

    /// <param name="Fractions">Per input, the leaf's part of that input's domain (0–1].</param>
    private sealed record Leaf(double Value, double[] Low, double[] High, ulong[] Categories, double[] Fractions)
    {
        public double Volume => Fractions.Aggregate(1.0, (product, f) => product * f);

        /// <summary>The leaf's volume in every input but <paramref name="feature"/>.</summary>
        public double VolumeWithout(int feature)
        {
            var product = 1.0;
            for (var j = 0; j < Fractions.Length; j++) if (j != feature) product *= Fractions[j];
            return product;
        }
    }

    private static double MarginalVariance(RegressionTree tree, IReadOnlyList<FeatureDomain> domains,
        IReadOnlyList<Leaf> leaves, int feature, double mean)
    {
        var (marginals, weights) = domains[feature].Kind == FeatureKind.Ordered
            ? OrderedMarginal(tree, domains[feature], leaves, feature)
            : CategoricalMarginal(domains[feature], leaves, feature);
        var variance = 0.0;
        for (var k = 0; k < marginals.Length; k++) variance += weights[k] * (marginals[k] - mean) * (marginals[k] - mean);
        return variance;
    }

    /// <summary>The tree's thresholds on the input cut its domain into cells on which the marginal is constant;
    /// each leaf adds its value, weighted by its volume in the other inputs, to the cells its interval covers.</summary>
    private static (double[] Marginals, double[] Weights) OrderedMarginal(RegressionTree tree, FeatureDomain domain,
        IReadOnlyList<Leaf> leaves, int feature)
    {
        var bounds = tree.Nodes.Where(n => n.Feature == feature).Select(n => n.Threshold)
            .Append(domain.Low).Append(domain.High).Distinct().Order().ToArray();
        var cells = bounds.Length - 1;
        var change = new double[cells + 1];
        foreach (var leaf in leaves)
        {
            var contribution = leaf.Value * leaf.VolumeWithout(feature);
            change[Array.BinarySearch(bounds, leaf.Low[feature])] += contribution;
            change[Array.BinarySearch(bounds, leaf.High[feature])] -= contribution;
        }
        var marginals = new double[cells];
        var weights = new double[cells];
        var running = 0.0;
        for (var k = 0; k < cells; k++)
        {
            running += change[k];
            marginals[k] = running;
            weights[k] = (bounds[k + 1] - bounds[k]) / (domain.High - domain.Low);
        }
        return (marginals, weights);
    }

    private static (double[] Marginals, double[] Weights) CategoricalMarginal(FeatureDomain domain,
        IReadOnlyList<Leaf> leaves, int feature)
    {
        var marginals = new double[domain.CategoryCount];
        foreach (var leaf in leaves)
        {
            var contribution = leaf.Value * leaf.VolumeWithout(feature);
            for (var c = 0; c < domain.CategoryCount; c++)
                if ((leaf.Categories[feature] & (1UL << c)) != 0) marginals[c] += contribution;
        }
        return (marginals, Enumerable.Repeat(1.0 / domain.CategoryCount, domain.CategoryCount).ToArray());
    }

    private static List<Leaf> Leaves(RegressionTree tree, IReadOnlyList<FeatureDomain> domains)
    {
        var leaves = new List<Leaf>();
        var low = domains.Select(d => d.Low).ToArray();
        var high = domains.Select(d => d.High).ToArray();
        var categories = domains.Select(d => d.AllCategories).ToArray();
        Collect(0);
        return leaves;

        void Collect(int id)
        {
            var node = tree.Nodes[id];
            if (node.IsLeaf)
            {
                leaves.Add(new Leaf(node.Value, [.. low], [.. high], [.. categories],
                    domains.Select((d, i) => Fraction(d, low[i], high[i], categories[i])).ToArray()));
                return;
            }
            var f = node.Feature;
            if (domains[f].Kind == FeatureKind.Ordered)
            {
                var (savedLow, savedHigh) = (low[f], high[f]);
                high[f] = node.Threshold;
                Collect(node.Left);
                (low[f], high[f]) = (node.Threshold, savedHigh);
                Collect(node.Right);
                low[f] = savedLow;
            }
            else
            {
                var saved = categories[f];
                categories[f] = saved & node.LeftCategories;
                Collect(node.Left);
                categories[f] = saved & ~node.LeftCategories;
                Collect(node.Right);
                categories[f] = saved;
            }
        }
    }

    private static double Fraction(FeatureDomain domain, double low, double high, ulong categories) =>
        domain.Kind == FeatureKind.Ordered
            ? (high - low) / (domain.High - domain.Low)
            : (double)ulong.PopCount(categories & domain.AllCategories) / domain.CategoryCount;
}
