namespace Sweep.Reports.Analysis;

/// <summary>A CART regression tree (squared error). Ordered inputs split at the midpoint between two observed
/// values; categorical inputs split into two category sets, found exactly by ordering the categories by their mean
/// (Breiman et al., 1984, §9.4), so no one-hot columns are needed and every leaf is a box of the input space.</summary>
public sealed class RegressionTree
{
    /// <param name="Feature">The input split on; −1 for a leaf.</param>
    /// <param name="Threshold">Ordered split: rows with input ≤ threshold go left.</param>
    /// <param name="LeftCategories">Categorical split: the categories that go left; the rest go right.</param>
    public readonly record struct Node(int Feature, double Threshold, ulong LeftCategories, int Left, int Right, double Value)
    {
        public bool IsLeaf => Feature < 0;
    }

    public IReadOnlyList<Node> Nodes { get; }

    private RegressionTree(IReadOnlyList<Node> nodes) => Nodes = nodes;

    /// <param name="inputs">One row per sample; categorical inputs hold the category index.</param>
    /// <param name="rows">The samples this tree learns from, repeats allowed (a bootstrap).</param>
    /// <param name="random">Orders the inputs tried at each split, so that ties (common in small nodes) do not always
    /// go to the first input.</param>
    public static RegressionTree Fit(double[][] inputs, double[] targets, IReadOnlyList<FeatureDomain> domains,
        int[] rows, int maxDepth, int minSamplesSplit, Random random)
    {
        var builder = new Builder(inputs, targets, domains, maxDepth, minSamplesSplit, random);
        builder.Grow(rows, 0);
        return new RegressionTree(builder.Nodes);
    }

    private sealed class Builder(double[][] inputs, double[] targets, IReadOnlyList<FeatureDomain> domains,
        int maxDepth, int minSamplesSplit, Random random)
    {
        public readonly List<Node> Nodes = [];

        private readonly record struct Split(int Feature, double Threshold, ulong LeftCategories, double Score);

        public int Grow(int[] rows, int depth)
        {
            var id = Nodes.Count;
            var mean = rows.Average(r => targets[r]);
            Nodes.Add(new Node(-1, 0, 0, -1, -1, mean));
            if (depth >= maxDepth || rows.Length < minSamplesSplit || rows.All(r => targets[r] == targets[rows[0]]))
                return id;
            if (BestSplit(rows) is not { } split) return id;

            var left = rows.Where(r => GoesLeft(split, inputs[r][split.Feature])).ToArray();
            var right = rows.Where(r => !GoesLeft(split, inputs[r][split.Feature])).ToArray();
            var leftId = Grow(left, depth + 1);
            var rightId = Grow(right, depth + 1);
            Nodes[id] = new Node(split.Feature, split.Threshold, split.LeftCategories, leftId, rightId, mean);
            return id;
        }

        private bool GoesLeft(Split split, double input) => domains[split.Feature].Kind == FeatureKind.Categorical
            ? (split.LeftCategories & (1UL << (int)input)) != 0
            : input <= split.Threshold;

        /// <summary>The split that most lowers the squared error, by maximizing ΣL²/nL + ΣR²/nR; null when no
        /// input varies among the rows.</summary>
        private Split? BestSplit(int[] rows)
        {
            Split? best = null;
            var unsplit = Square(rows.Sum(r => targets[r])) / rows.Length;
            var order = Enumerable.Range(0, domains.Count).ToArray();
            random.Shuffle(order);
            foreach (var feature in order)
            {
                var candidate = domains[feature].Kind == FeatureKind.Ordered
                    ? BestThreshold(rows, feature)
                    : BestCategorySet(rows, feature);
                if (candidate is { } c && c.Score > unsplit * (1 + 1e-12) && (best is null || c.Score > best.Value.Score))
                    best = c;
            }
            return best;
        }

        private Split? BestThreshold(int[] rows, int feature)
        {
            var sorted = rows.OrderBy(r => inputs[r][feature]).ToArray();
            var groups = sorted.GroupBy(r => inputs[r][feature])
                .Select(g => (Value: g.Key, Sum: g.Sum(r => targets[r]), Count: g.Count()))
                .ToList();
            return BestPrefix(groups.Select(g => (g.Sum, g.Count)).ToList(), (k, score) =>
                new Split(feature, (groups[k - 1].Value + groups[k].Value) / 2, 0, score));
        }

        private Split? BestCategorySet(int[] rows, int feature)
        {
            var groups = rows.GroupBy(r => (int)inputs[r][feature])
                .Select(g => (Category: g.Key, Sum: g.Sum(r => targets[r]), Count: g.Count()))
                .OrderBy(g => g.Sum / g.Count).ThenBy(g => g.Category)
                .ToList();
            var present = groups.Aggregate(0UL, (mask, g) => mask | 1UL << g.Category);
            return BestPrefix(groups.Select(g => (g.Sum, g.Count)).ToList(), (k, score) =>
            {
                var left = groups.Take(k).Aggregate(0UL, (mask, g) => mask | 1UL << g.Category);
                // Categories no row here has still need a side for the leaves to partition the space: the larger one.
                var leftCount = groups.Take(k).Sum(g => g.Count);
                if (2 * leftCount >= rows.Length) left |= ~present;
                return new Split(feature, 0, left, score);
            });
        }

        /// <summary>Tries every cut between consecutive groups (already in split order).</summary>
        private static Split? BestPrefix(IReadOnlyList<(double Sum, int Count)> groups, Func<int, double, Split> make)
        {
            var totalSum = groups.Sum(g => g.Sum);
            var totalCount = groups.Sum(g => g.Count);
            double leftSum = 0, bestScore = double.NegativeInfinity;
            int leftCount = 0, bestCut = -1;
            for (var k = 1; k < groups.Count; k++)
            {
                leftSum += groups[k - 1].Sum;
                leftCount += groups[k - 1].Count;
                var score = Square(leftSum) / leftCount + Square(totalSum - leftSum) / (totalCount - leftCount);
                if (score > bestScore) (bestScore, bestCut) = (score, k);
            }
            return bestCut < 0 ? null : make(bestCut, bestScore);
        }

        private static double Square(double x) => x * x;
    }
}
