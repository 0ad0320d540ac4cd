using System.Numerics;
using Sweep.Orchestrator.Specs;
using Sweep.Trials.Seeding;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>Random search: <c>Trials</c> distinct configurations drawn from a generator seeded by the baseline's
/// seed, so the same spec always gives the same trials (and a resume redraws the same list). A configuration
/// already drawn is drawn again rather than repeated.</summary>
public sealed class RandomStrategy : ISearchStrategy
{
    /// <summary>Draws that may in a row repeat earlier configurations before the space is judged exhausted; only
    /// reached by real ranges so narrow that they hold a handful of doubles.</summary>
    public const int MaxRepeatedDrawsInARow = 10_000;

    public bool IsComplete(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        SearchCompletion.IsComplete(this, spec, history);

    public IReadOnlyList<PlannedTrial> Propose(SweepSpec spec, IReadOnlyList<TrialObservation> history) =>
        PlanExtension.Append(spec, history, Configurations(spec));

    public static IReadOnlyList<Configuration> Configurations(SweepSpec spec)
    {
        var wanted = spec.Search.Trials;
        if (DistinctConfigurations(spec) is { } distinct && distinct < wanted)
            throw TooSmall(spec, distinct.ToString());

        var random = new SplitMix64Random(Seeds.Derive(spec.Baseline.Seed, "random-search"));
        var drawn = new List<Configuration>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var repeatedInARow = 0;
        while (drawn.Count < wanted)
        {
            var configuration = Draw(spec, random);
            if (keys.Add(configuration.Key))
            {
                drawn.Add(configuration);
                repeatedInARow = 0;
            }
            else if (++repeatedInARow == MaxRepeatedDrawsInARow)
                throw TooSmall(spec, $"about {drawn.Count} (after {MaxRepeatedDrawsInARow} draws in a row found nothing new)");
        }
        return drawn;
    }

    /// <summary>The number of distinct configurations the space holds; null when a real range makes it unbounded.</summary>
    public static BigInteger? DistinctConfigurations(SweepSpec spec)
    {
        BigInteger? product = BigInteger.One;
        foreach (var parameter in spec.Search.Parameters)
            product = product is { } sofar && ParameterSampler.DistinctValues(spec, parameter) is { } count
                ? sofar * count
                : null;
        return product;
    }

    private static Configuration Draw(SweepSpec spec, SplitMix64Random random)
    {
        var changes = new List<ParameterChange>();
        foreach (var parameter in spec.Search.Parameters)
        {
            var value = ParameterSampler.Draw(spec, parameter, random);
            var baselineValue = ListedValues.BaselineValue(spec, parameter);
            if (!FlowValues.AreEqual(value, baselineValue))
                changes.Add(new ParameterChange(parameter.Path, value, baselineValue));
        }
        return new Configuration(changes, TrialRoles.Random);
    }

    private static SpecException TooSmall(SweepSpec spec, string distinct) =>
        new(spec.SourcePath, null, "search.trials",
            $"asks for {spec.Search.Trials} distinct configurations but the search space holds only {distinct}; lower it or widen the space");
}
