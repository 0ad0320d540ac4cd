using Sweep.Orchestrator.Storage;

namespace Sweep.Orchestrator.Scheduling;

/// <summary>What a resume would change against the settings a sweep was started with, one line per change and
/// what it does to the numbers.</summary>
public static class RunSettingsChanges
{
    public static IReadOnlyList<string> Between(RunSettings stored, RunSettings requested)
    {
        var changes = new List<string>();
        if (stored.DataDirectory != requested.DataDirectory)
            changes.Add($"data directory {Show(stored.DataDirectory)} → {Show(requested.DataDirectory)}: trials "
                + "resumed or started now may read other data than the trials already run");
        if (stored.Slots != requested.Slots)
            changes.Add($"slots {stored.Slots} → {requested.Slots}: more or fewer trials run at once");
        if (stored.ThreadsPerSlot != requested.ThreadsPerSlot)
            changes.Add($"threads per trial {stored.ThreadsPerSlot} → {requested.ThreadsPerSlot}: a trial's numbers "
                + "depend on its thread count, so trials resumed or started now will not give the numbers of an "
                + "uninterrupted run");
        if (stored.Device != requested.Device)
            changes.Add($"device {stored.Device} → {requested.Device}: numbers differ between devices");
        return changes;
    }

    private static string Show(string? directory) => directory ?? "(the standard places)";
}
