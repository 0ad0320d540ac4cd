using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sweep.Trials.Training;

/// <summary>Keeps glibc's malloc giving large blocks back to the system when they are freed.</summary>
/// <remarks>libtorch takes every tensor's storage from malloc. glibc maps a block above its threshold on its own and
/// unmaps it when freed, but each mapped block freed raises the threshold to its size (up to 32 MiB); from then on a
/// trial's activations and gradients, 0.1–32 MiB each, come from the heap, whose free space fragments and stays
/// resident. Fine-tuning ResNet-18 (bench/finetune) grew by 25–50 MiB from its second epoch to its fifth and kept
/// growing; with the threshold fixed it stayed flat (+1 MiB) and 130 MiB smaller. Set as soon as this assembly
/// loads, before any trial allocates; a value the user set (<c>MALLOC_MMAP_THRESHOLD_</c>) is kept.</remarks>
internal static class NativeHeap
{
    public const string Variable = "MALLOC_MMAP_THRESHOLD_";
    public const int MappedFrom = 128 * 1024;
    private const int MmapThreshold = -3;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Must run before any caller of this library can reach libtorch.")]
    internal static void FixMappingThreshold()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Variable) is null)
            _ = SetOption(MmapThreshold, MappedFrom);
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetOption(int parameter, int value);
}
