using Orleans.Configuration;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Tests.Hosting;

public sealed class ClusterTimingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweep-settings-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private SweepSettings Settings(string json)
    {
        File.WriteAllText(Path.Combine(directory, SweepSettings.FileName), json);
        return SweepSettings.Load(directory);
    }

    [Fact]
    public void WithoutSettings_TheDefaultsNoticeADeadHostWithinSeconds()
    {
        var timing = ClusterTiming.From(SweepSettings.Load(directory));

        Assert.Equal(ClusterTiming.Default, timing);
        Assert.Equal((4, 1, 1, 3), (timing.Lease.TotalSeconds, timing.Heartbeat.TotalSeconds,
            timing.ProbeTimeout.TotalSeconds, timing.MissedProbes));
    }

    [Fact]
    public void SettingsFile_SetsLeasesAndProbes_WhichReachTheSlotsAndTheSilo()
    {
        var timing = ClusterTiming.From(Settings("""
            { "Cluster": { "LeaseSeconds": 12.5, "HeartbeatSeconds": 2, "ProbeTimeoutSeconds": 3, "MissedProbes": 5 } }
            """));
        var slots = new SweepOptions();
        var membership = new ClusterMembershipOptions();
        timing.Leases(slots);
        timing.Membership(membership);

        Assert.Equal((TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(2)), (slots.LeaseDuration, slots.HeartbeatInterval));
        Assert.Equal((TimeSpan.FromSeconds(3), 5), (membership.ProbeTimeout, membership.NumMissedProbesLimit));
        Assert.True(membership.MinProbeTimeout <= membership.ProbeTimeout);
    }

    [Theory]
    [InlineData("LeaseSeconds", "\"soon\"", "expected a number of seconds above 0 and at most 3600, found 'soon'")]
    [InlineData("LeaseSeconds", "0", "expected a number of seconds above 0 and at most 3600, found '0'")]
    [InlineData("HeartbeatSeconds", "-1", "expected a number of seconds above 0 and at most 3600, found '-1'")]
    [InlineData("ProbeTimeoutSeconds", "7200", "expected a number of seconds above 0 and at most 3600, found '7200'")]
    [InlineData("MissedProbes", "0", "expected a whole number from 1 to 100, found '0'")]
    [InlineData("MissedProbes", "2.5", "expected a whole number from 1 to 100, found '2.5'")]
    public void AValueThatCannotWork_IsRefusedNamingTheFileAndTheKey(string key, string value, string expected)
    {
        var settings = Settings($$"""{ "Cluster": { "{{key}}": {{value}} } }""");

        var error = Assert.Throws<UserErrorException>(() => ClusterTiming.From(settings));

        Assert.Equal($"{Path.Combine(directory, SweepSettings.FileName)} (Cluster:{key}): {expected}", error.Message);
    }

    [Fact]
    public void ALeaseShorterThanThreeHeartbeats_IsRefused_ForItWouldExpireBetweenRenewals()
    {
        var settings = Settings("""{ "Cluster": { "LeaseSeconds": 5, "HeartbeatSeconds": 2 } }""");

        var error = Assert.Throws<UserErrorException>(() => ClusterTiming.From(settings));

        Assert.Equal($"{Path.Combine(directory, SweepSettings.FileName)} (Cluster:LeaseSeconds): expected a lease of at "
            + "least three heartbeats, found a lease of 5 s and heartbeats every 2 s", error.Message);
    }

    [Fact]
    public void ASettingsFileThatIsNotJson_IsRefusedNamingIt()
    {
        File.WriteAllText(Path.Combine(directory, SweepSettings.FileName), "{ \"Cluster\": { \"LeaseSeconds\": 4, ");

        var error = Assert.Throws<UserErrorException>(() => SweepSettings.Load(directory));

        Assert.StartsWith($"{Path.Combine(directory, SweepSettings.FileName)}: expected a JSON object of settings (", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
