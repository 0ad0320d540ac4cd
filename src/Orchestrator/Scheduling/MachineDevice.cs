using static TorchSharp.torch;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>The kind of device this host trains on, as far as it changes numbers: CUDA, or the CPU model (kernels
/// dispatch per instruction set, so two CPU types can differ in the last bits).</summary>
public static class MachineDevice
{
    public static string Describe() => cuda.is_available() ? "cuda" : $"cpu: {CpuModel()}";

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
            return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        var model = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
        return model?.Split(':', 2)[1].Trim()
            ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }
}
