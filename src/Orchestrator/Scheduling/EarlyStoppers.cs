using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Scheduling;

public static class EarlyStoppers
{
    public static IEarlyStopper For(EarlyStoppingPolicy policy) => policy switch
    {
        EarlyStoppingPolicy.None => new NoEarlyStopping(),
        EarlyStoppingPolicy.Median => new MedianStoppingRule(),
        EarlyStoppingPolicy.Asha => new AshaStopper(),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };
}
