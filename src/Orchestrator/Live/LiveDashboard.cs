namespace Sweep.Orchestrator.Live;

/// <summary>What <c>/dashboard</c> answers: this view reads the sweep's store only and hosts no silo, so it has no
/// Orleans Dashboard to serve.</summary>
public static class LiveDashboard
{
    public const string Path = "/dashboard";

    public const string Absent = "<a href=\"dashboard\">/dashboard</a>: no Orleans Dashboard in this view";

    public static readonly string AbsentPage = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No Orleans dashboard</title></head><body>"
        + "<p>This live view reads the sweep's store only and serves no Orleans Dashboard: there are no silos or grains to show here.</p>"
        + "<p><a href=\"/\">Back to the sweep</a></p></body></html>";
}
