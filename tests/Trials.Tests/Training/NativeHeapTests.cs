using System.Runtime.InteropServices;
using Sweep.Trials.Training;

namespace Sweep.Trials.Tests.Training;

[CollectionDefinition(nameof(NativeHeapTests), DisableParallelization = true)]
public sealed class NativeHeapCollection;

/// <summary>Alone in its collection: mallinfo2 counts every thread's mapped blocks.</summary>
[Collection(nameof(NativeHeapTests))]
public sealed class NativeHeapTests
{
    /// <summary>Left to glibc, freeing a mapped 24 MiB block raises the threshold to 24 MiB and the next 4 MiB block
    /// comes from the heap; with the threshold fixed it is mapped, and unmapped again when freed.</summary>
    [Fact]
    public void BlockAboveTheThreshold_IsMapped_AfterALargerOneWasFreed()
    {
        if (Environment.GetEnvironmentVariable(NativeHeap.Variable) is not null)
            throw new InvalidOperationException($"{NativeHeap.Variable} is set, which NativeHeap leaves to the user; unset it to run this test");
        NativeHeap.FixMappingThreshold();
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(24 << 20));
        var mappedBefore = MappedBlocks();

        var block = Marshal.AllocHGlobal(4 << 20);
        var mappedWith = MappedBlocks();
        Marshal.FreeHGlobal(block);

        Assert.Equal(mappedBefore + 1, mappedWith);
    }

    private static long MappedBlocks() => (long)MallocInfo().MappedBlocks;

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallocInfo2
    {
        public readonly nuint Arena, OrdinaryBlocks, SmallBlocks, MappedBlocks, MappedBytes, MaxTotal,
            FreeSmallBytes, UsedBytes, FreeBytes, KeepCost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo2 MallocInfo();
}
