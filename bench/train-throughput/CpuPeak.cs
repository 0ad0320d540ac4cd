using System.Globalization;

namespace Sweep.TrainThroughputBench;

/// <summary>The machine's theoretical FP32 peak: physical cores × clock × FP32 FLOPs per cycle per core.</summary>
/// <remarks>FLOPs per cycle assume two fused multiply-add pipes per core (Intel since Haswell, AMD since Zen 2/4/5 at
/// their vector width): 2 pipes × lanes × 2 FLOPs per FMA, i.e. 64 with AVX-512 (16 FP32 lanes), 32 with AVX2+FMA
/// (8 lanes), and 8 for plain SSE (separate 4-lane add and multiply). The clock is lscpu's "CPU max MHz" when the
/// machine reports one, else the current "cpu MHz" of /proc/cpuinfo (virtual machines often report only that).</remarks>
internal sealed record CpuPeak(int Cores, double Gigahertz, string ClockSource, int FlopsPerCycle, string VectorUnit)
{
    public double Gflops => Cores * Gigahertz * FlopsPerCycle;

    public static CpuPeak Parse(string lscpu, string cpuinfo)
    {
        var fields = lscpu.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(group => group.Key, group => group.First()[1].Trim());
        var cores = Number(fields, "Core(s) per socket") * Number(fields, "Socket(s)");
        var flags = fields.TryGetValue("Flags", out var flagText) ? flagText.Split(' ').ToHashSet() : [];
        var (flopsPerCycle, unit) = flags.Contains("avx512f") ? (64, "AVX-512")
            : flags.Contains("avx2") && flags.Contains("fma") ? (32, "AVX2+FMA")
            : (8, "SSE");
        var (megahertz, source) = fields.TryGetValue("CPU max MHz", out var max)
            ? (double.Parse(max, CultureInfo.InvariantCulture), "lscpu CPU max MHz")
            : (CurrentMegahertz(cpuinfo), "/proc/cpuinfo cpu MHz");
        return new CpuPeak((int)cores, megahertz / 1000, source, flopsPerCycle, unit);
    }

    private static double Number(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"lscpu: expected a number in field '{name}'");

    private static double CurrentMegahertz(string cpuinfo) => cpuinfo.Split('\n')
        .Where(line => line.StartsWith("cpu MHz", StringComparison.Ordinal))
        .Select(line => double.Parse(line.Split(':', 2)[1].Trim(), CultureInfo.InvariantCulture))
        .DefaultIfEmpty(double.NaN)
        .First() is var megahertz && double.IsFinite(megahertz)
            ? megahertz
            : throw new FormatException("/proc/cpuinfo: expected a 'cpu MHz' line (lscpu reports no CPU max MHz)");
}
