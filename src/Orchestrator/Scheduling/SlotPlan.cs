using static TorchSharp.torch;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>How a host divides itself: slots that each run one trial at a time, and intra-op threads per slot.</summary>
/// <param name="Gpus">When given, slot i trains on GPU Gpus[i] alone.</param>
public sealed record SlotPlan(int Slots, int ThreadsPerSlot, IReadOnlyList<int>? Gpus = null)
{
    /// <summary>One slot per listed GPU (<c>--gpus 0,1,3</c>), the cores shared out between them.</summary>
    public static SlotPlan ForGpus(IReadOnlyList<int> gpus, int cores) =>
        new(gpus.Count, Math.Max(1, cores / gpus.Count), gpus);

    public int? GpuOf(int slot) => Gpus is { } gpus ? gpus[slot] : null;

    /// <summary>One slot per GPU when CUDA is available, else one per two cores; threads shared out evenly.</summary>
    public static SlotPlan For(int? requestedSlots, int cores, int gpus)
    {
        var slots = requestedSlots ?? (gpus > 0 ? gpus : Math.Max(1, cores / 2));
        return new SlotPlan(slots, Math.Max(1, cores / slots));
    }

    public static SlotPlan ForThisMachine(int? requestedSlots) =>
        For(requestedSlots, Environment.ProcessorCount, cuda.is_available() ? cuda.device_count() : 0);
}
