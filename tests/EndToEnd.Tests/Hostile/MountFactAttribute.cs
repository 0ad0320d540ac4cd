namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>A test on a real read-only medium or a real full disk, which it mounts itself: skipped, saying why,
/// where this process may not mount a tmpfs.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (!TmpfsMount.Available)
            Skip = "needs to mount a tmpfs (root or CAP_SYS_ADMIN)";
    }
}
