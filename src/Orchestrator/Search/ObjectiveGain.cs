using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Search;

/// <summary>How much better one objective value is than another, positive when better whatever the mode.</summary>
public static class ObjectiveGain
{
    public static double Of(ObjectiveMode mode, double value, double reference) =>
        mode == ObjectiveMode.Max ? value - reference : reference - value;

    public static bool IsBetter(ObjectiveMode mode, double value, double reference) => Of(mode, value, reference) > 0;
}
