namespace Sweep.Trials.Specs;

/// <summary>A value to put at a dotted path before binding, as YAML flow text.</summary>
/// <param name="Line">Where errors about it point (the <c>search:</c> entry that introduced it), if anywhere.</param>
/// <param name="Field">The field errors about it name, e.g. <c>search.parameters.training.lr</c>.</param>
public sealed record SpecOverride(string Path, string Value, int? Line, string Field)
{
    /// <summary>An override that a <c>search.parameters</c> entry introduced.</summary>
    public static SpecOverride FromSearch(string path, string value, int? line) =>
        new(path, value, line, $"search.parameters.{path}");
}
