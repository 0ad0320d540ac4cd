using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.EarlyStopping;

public static class EarlyStoppers
{
    /// <param name="trialsWaiting">Trials of the sweep wait to be leased (see <see cref="AshaStopper"/>).</param>
    public static IEarlyStopper For(EarlyStoppingPolicy policy, bool trialsWaiting = false) => policy switch
    {
        EarlyStoppingPolicy.None => new NoEarlyStopping(),
        EarlyStoppingPolicy.Median => new MedianStoppingRule(),
        EarlyStoppingPolicy.Asha => new AshaStopper(trialsWaiting),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };
}
