namespace Sweep.Orchestrator.Search;

/// <summary>A small deterministic generator (SplitMix64) whose sequence is fixed by its seed on every runtime, unlike
/// System.Random whose algorithm is an implementation detail.</summary>
public sealed class SplitMix64Random(long seed)
{
    private ulong state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var x = state += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, count), without modulo bias.</summary>
    public ulong NextBelow(ulong count)
    {
        if (count == 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "expected at least 1");
        var limit = ulong.MaxValue - ulong.MaxValue % count;
        ulong draw;
        do
            draw = NextUInt64();
        while (draw >= limit);
        return draw % count;
    }
}
