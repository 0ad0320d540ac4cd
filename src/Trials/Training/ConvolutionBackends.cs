using System.Runtime.InteropServices;

namespace Sweep.Trials.Training;

/// <summary>Makes libtorch use its own CPU convolution kernels for the whole process, as PyTorch's
/// <c>torch.backends.mkldnn.enabled = False</c> and <c>torch.backends.nnpack.enabled = False</c> do.</summary>
/// <remarks>In the CPU libtorch 2.10 that TorchSharp 0.107 ships, oneDNN's (MKLDNN's) AVX-512 convolution backward
/// pass for the input gradient reads memory it never wrote (seen on AMD EPYC): when the allocator hands it memory that
/// last held NaN, the gradients of the first layer become NaN and a healthy trial is reported as diverged; that
/// trial's NaN-filled tensors then go back to the allocator and spoil the next trials. With oneDNN off libtorch tries
/// NNPACK, which cannot start on these CPUs and says so on stderr at every convolution; it is turned off too.
/// libtorch's own kernels are correct but train the two-conv preset about 2.5 times slower; oneDNN limited to AVX2
/// (<c>ONEDNN_MAX_CPU_ISA=AVX2</c> in the environment before the first convolution) is correct at full speed, but
/// only a process's launcher can guarantee that order. TorchSharp has no switch for either backend, so this calls
/// libtorch's <c>at::Context</c> directly; the names are the Itanium C++ ABI ones of its Linux build.</remarks>
internal static class ConvolutionBackends
{
    private const string LibTorchCpu = "torch_cpu";

    private static readonly Lazy<bool> NativeOnly = new(() =>
    {
        if (!OperatingSystem.IsLinux())
            return false;
        var context = GlobalContext();
        SetUserEnabledMkldnn(context, false);
        SetUserEnabledNnpack(context, false);
        return !UserEnabledMkldnn(context) && !UserEnabledNnpack(context);
    });

    /// <summary>Idempotent; call after TorchSharp has loaded libtorch. True when only libtorch's kernels are used.</summary>
    public static bool UseNativeKernelsOnly() => NativeOnly.Value;

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(LibTorchCpu, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(LibTorchCpu, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledNnpack(IntPtr context);
}
