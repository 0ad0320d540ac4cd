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
}
