using System.Globalization;
using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>Binds every value a parameter can take into the baseline, so a value that would fail a trial
/// (a misspelt optimizer, a negative rate) fails the load instead, naming its <c>search:</c> line.
/// For ranges the two bounds are bound: the field's own range then covers everything between.</summary>
internal sealed class ParameterValueChecker(SpecDocument document, Func<string, ModelSpec> presets)
{
    public void Check(ParameterSpace space)
    {
        foreach (var value in ValuesToBind(space))
            document.BindTrial(presets, [SpecOverride.FromSearch(space.Path, value, space.Line)]);
    }

    private static IEnumerable<string> ValuesToBind(ParameterSpace space) => space switch
    {
        ValueList list => list.Values,
        Choice choice => choice.Values,
        UniformRange uniform => [Number(uniform.Low), Number(uniform.High)],
        LogUniformRange logUniform => [Number(logUniform.Low), Number(logUniform.High)],
        IntRange integers => [Number(integers.Low), Number(integers.High)],
        _ => throw new ArgumentException($"Unknown parameter space {space.GetType().Name}.", nameof(space)),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
