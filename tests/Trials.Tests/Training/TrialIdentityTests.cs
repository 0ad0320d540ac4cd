using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Trials.Tests.Training;

public class TrialIdentityTests
{
    [Fact]
    public void UnsetBackboneLr_LeavesTheHashedSpecAsBeforeTheFieldExisted()
    {
        var spec = TrialRunnerTestKit.Tiny();
        var withBackboneLr = spec with { Training = spec.Training with { BackboneLr = 1e-4 } };

        Assert.DoesNotContain(nameof(TrainingSpec.BackboneLr), JsonSerializer.Serialize(spec));
        Assert.NotEqual(TrialIdentity.Of(spec), TrialIdentity.Of(withBackboneLr));
    }

    [Fact]
    public void UnsetAddedFields_LeaveTheIdentityAsBeforeTheyExisted()
    {
        var spec = TrialRunnerTestKit.Tiny();
        var withFreeze = spec with { Model = spec.Model with { Freeze = ["block1"] } };
        var written = JsonSerializer.Serialize(spec);
        var beforeTheFields = written
            .Replace(",\"TestFraction\":0.2,\"Classes\":[]", "", StringComparison.Ordinal)
            .Replace("\"Channels\":null,\"Resize\":0,\"Crop\":0,\"Normalize\":null", "\"Channels\":3", StringComparison.Ordinal)
            .Replace(",\"Saturation\":0,\"Hue\":0,\"ResizedCropScale\":0", "", StringComparison.Ordinal)
            .Replace(",\"Freeze\":[]", "", StringComparison.Ordinal);

        Assert.NotEqual(written, beforeTheFields);
        Assert.Equal(Hash(beforeTheFields), TrialIdentity.Of(spec));
        Assert.NotEqual(TrialIdentity.Of(spec), TrialIdentity.Of(withFreeze));
    }

    private static string Hash(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
}
