using static TorchSharp.torch;

namespace Sweep.Trials.Training;

public static class Devices
{
    /// <summary>CUDA when libtorch reports it (the slot picks the GPU), else the CPU.</summary>
    public static Device Select(int slot)
    {
        if (cuda.is_available())
        {
            var count = cuda.device_count();
            return new Device(TorchSharp.DeviceType.CUDA, slot % Math.Max(count, 1));
        }
        return CPU;
    }

    public static RunEnvironment Describe(Device device, int threads) =>
        new(typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown",
            __version__, device.ToString(), threads, Environment.MachineName);
}
