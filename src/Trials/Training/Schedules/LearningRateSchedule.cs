using Sweep.Trials.Specs;

namespace Sweep.Trials.Training.Schedules;

/// <summary>The learning rate for each optimizer step, computed from the spec alone so that a resumed run needs no
/// scheduler state: the rate at step <c>s</c> is <c>lr × warmup(s) × decay(s)</c>.</summary>
/// <remarks>
/// Warm-up follows the spec's "from 0 to lr": during the first <c>WarmupSteps</c> steps the factor is
/// <c>s / WarmupSteps</c>, so step 0 runs at rate 0 (as in Hugging Face's linear warm-up) and step
/// <c>WarmupSteps</c> is the first at the full rate.
/// Epoch-based decays (step, multistep, exponential) count completed epochs <c>e = s / stepsPerEpoch</c>, as
/// PyTorch's schedulers do when stepped once per epoch: step gives <c>gamma^(e / StepSize)</c>, multistep gives
/// <c>gamma</c> to the number of milestones <c>m ≤ e</c> (a milestone m takes effect once m epochs are done),
/// exponential gives <c>gamma^e</c>. They run underneath the warm-up rather than after it.
/// Cosine is per step and starts when warm-up ends: <c>0.5 (1 + cos(π (s − W) / (T − W)))</c> with
/// <c>T = Epochs × stepsPerEpoch</c>, so it reaches 0 at step T, one past the last step taken.
/// </remarks>
public static class LearningRateSchedule
{
    public static double At(TrainingSpec spec, long step, int stepsPerEpoch) => At(spec, spec.Lr, step, stepsPerEpoch);

    /// <summary>The rate of a parameter group whose base rate is not lr (backbone_lr), scaled alike.</summary>
    public static double At(TrainingSpec spec, double baseRate, long step, int stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepsPerEpoch);
        return baseRate * WarmupFactor(spec.WarmupSteps, step) * DecayFactor(spec, step, stepsPerEpoch);
    }

    private static double WarmupFactor(int warmupSteps, long step) =>
        step < warmupSteps ? (double)step / warmupSteps : 1.0;

    private static double DecayFactor(TrainingSpec spec, long step, int stepsPerEpoch)
    {
        var completedEpochs = step / stepsPerEpoch;
        return spec.Schedule switch
        {
            ScheduleKind.Constant => 1.0,
            ScheduleKind.Step => Math.Pow(spec.Gamma, completedEpochs / PositiveStepSize(spec)),
            ScheduleKind.Multistep => Math.Pow(spec.Gamma, spec.Milestones.Count(m => m <= completedEpochs)),
            ScheduleKind.Exponential => Math.Pow(spec.Gamma, completedEpochs),
            ScheduleKind.Cosine => CosineFactor(step, spec.WarmupSteps, (long)spec.Epochs * stepsPerEpoch),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Schedule, "unknown schedule"),
        };
    }

    private static int PositiveStepSize(TrainingSpec spec) => spec.StepSize > 0
        ? spec.StepSize
        : throw new ArgumentException($"training.step_size: expected a positive number of epochs, got {spec.StepSize}");

    private static double CosineFactor(long step, int warmupSteps, long totalSteps)
    {
        var decaySteps = totalSteps - warmupSteps;
        if (step < warmupSteps || decaySteps <= 0)
            return 1.0;
        var progress = Math.Min(1.0, (double)(step - warmupSteps) / decaySteps);
        return 0.5 * (1.0 + Math.Cos(Math.PI * progress));
    }
}
