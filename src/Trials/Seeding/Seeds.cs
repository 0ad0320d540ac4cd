namespace Sweep.Trials.Seeding;

/// <summary>Derives independent 64-bit seeds from a root seed and a path of stream identifiers
/// (for example trial seed, epoch, "shuffle"), so that every random draw is reproducible from
/// its coordinates alone and never depends on what was drawn before it.</summary>
public static class Seeds
{
    public static long Derive(long root, params long[] path)
    {
        var state = unchecked((ulong)root);
        foreach (var part in path)
            state = SplitMix64(state ^ SplitMix64(unchecked((ulong)part) + 0x632BE59BD9B4E019UL));
        return (long)(SplitMix64(state) & 0x7FFF_FFFF_FFFF_FFFFUL);
    }

    public static long Derive(long root, string stream, params long[] path) =>
        Derive(root, [StableHash(stream), .. path]);

    /// <summary>FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    public static long StableHash(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001b3UL;
        }
        return unchecked((long)hash);
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
