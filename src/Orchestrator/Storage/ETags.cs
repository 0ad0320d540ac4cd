namespace Sweep.Orchestrator.Storage;

internal static class ETags
{
    public static string New() => Guid.NewGuid().ToString("N");
}
