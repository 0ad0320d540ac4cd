using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sweep.Trials.Training;

/// <summary>Keeps oneDNN (libtorch's MKLDNN convolution backend) on its AVX2 kernels.</summary>
/// <remarks>In the CPU libtorch 2.10 that TorchSharp 0.107 ships, oneDNN's AVX-512 convolution backward pass for the
/// input gradient reads memory it never wrote (seen on AMD EPYC): when the allocator hands it memory that last held
/// NaN, the first layer's gradients become NaN and a healthy trial is reported as diverged, and that trial's
/// NaN-filled tensors then spoil the next trials. Limited to AVX2 the same kernels are correct at about the same
/// speed, but for a weight gradient on a map smaller than the kernel, which the AVX2 kernels refuse
/// (<see cref="Models.SmallMapConvolution"/> takes those); turning oneDNN off instead costs 2.5× in training speed. oneDNN reads <c>ONEDNN_MAX_CPU_ISA</c> once, at
/// its first convolution, so it is set in the native environment (.NET's own environment block does not reach
/// native code) as soon as this assembly loads, before any trial can run. A value the user set is kept.</remarks>
internal static class OneDnnInstructionSet
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Must run before any caller of this library can reach libtorch.")]
    internal static void LimitToAvx2()
    {
        if (OperatingSystem.IsLinux())
            _ = SetEnvironment(Variable, "AVX2", overwrite: 0);
    }

    /// <summary>The value oneDNN will read.</summary>
    public static string? Current => OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(GetEnvironment(Variable)) : null;

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
