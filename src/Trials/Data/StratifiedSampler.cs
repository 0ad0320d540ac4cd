using Sweep.Trials.Seeding;

namespace Sweep.Trials.Data;

/// <summary>Seeded sampling that keeps class proportions. Every index gets a random key derived from the seed and
/// the index alone, so a choice does not depend on the order the data arrived in or on any other draw.</summary>
public static class StratifiedSampler
{
    /// <summary>Picks <paramref name="count"/> indices of <paramref name="labels"/>, each class contributing in
    /// proportion to its size (largest remainders settle the rounding). Returned in ascending order.</summary>
    public static int[] Sample(IReadOnlyList<int> labels, int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, labels.Count);
        var byClass = Enumerable.Range(0, labels.Count).GroupBy(index => labels[index])
            .OrderBy(group => group.Key).Select(group => group.ToArray()).ToList();
        var quotas = Quotas(byClass.Select(members => members.Length).ToArray(), count);
        return byClass
            .SelectMany((members, c) => members.OrderBy(index => Seeds.Derive(seed, index)).Take(quotas[c]))
            .Order().ToArray();
    }

    /// <summary>The indices not in <paramref name="chosen"/>, in ascending order.</summary>
    public static int[] Complement(int total, IReadOnlyCollection<int> chosen)
    {
        var taken = new bool[total];
        foreach (var index in chosen)
            taken[index] = true;
        return Enumerable.Range(0, total).Where(index => !taken[index]).ToArray();
    }

    internal static int[] Quotas(int[] classSizes, int count)
    {
        var total = classSizes.Sum();
        var exact = classSizes.Select(size => (double)size * count / total).ToArray();
        var quotas = exact.Select(value => (int)Math.Floor(value)).ToArray();
        var remaining = count - quotas.Sum();
        foreach (var c in Enumerable.Range(0, classSizes.Length).OrderByDescending(c => exact[c] - quotas[c])
                     .ThenBy(c => c).Take(remaining))
            quotas[c]++;
        return quotas;
    }
}
