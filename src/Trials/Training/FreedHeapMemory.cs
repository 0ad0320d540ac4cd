using System.Runtime.InteropServices;

namespace Sweep.Trials.Training;

/// <summary>Gives the pages of freed native heap memory back to the system once an epoch's tensors are gone.</summary>
/// <remarks>libtorch's CPU tensors come from glibc's malloc. Once a large block is freed, glibc raises its mapping
/// threshold to that size, after which activations and gradients come from the heap; the free space between them
/// fragments and stays resident, so a process's memory crept up epoch after epoch with no tensor leaked.
/// <c>malloc_trim</c> returns every whole free page of the heap. Once an epoch, that costs a few milliseconds and
/// the page faults of memory used again, where a fixed, low mapping threshold (mapping and faulting in every large
/// block anew) made every epoch about twice as long. Elsewhere than glibc this does nothing.</remarks>
internal static class FreedHeapMemory
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Return()
    {
        if (_unavailable)
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without malloc_trim (musl) has no such heap to trim.
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
