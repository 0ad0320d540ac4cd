using static TorchSharp.torch;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>How a host divides itself: slots that each run one trial at a time, and intra-op threads per slot.</summary>
public sealed record SlotPlan(int Slots, int ThreadsPerSlot)
{
    /// <summary>One slot per GPU when CUDA is available, else one per two cores; threads shared out evenly.</summary>
    public static SlotPlan For(int? requestedSlots, int cores, int gpus)
    {
        var slots = requestedSlots ?? (gpus > 0 ? gpus : Math.Max(1, cores / 2));
        return new SlotPlan(slots, Math.Max(1, cores / slots));
    }

    public static SlotPlan ForThisMachine(int? requestedSlots) =>
        For(requestedSlots, Environment.ProcessorCount, cuda.is_available() ? cuda.device_count() : 0);
}
