using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Specs;

internal static class SpecAssert
{
    public const string Yaml = "specs/t.yaml";

    public static TrialSpec Read(string yaml) => TrialSpecReader.ReadText(yaml, Yaml, FakePresets.Named);

    /// <summary>Reads the text, expects a spec error and returns its one-line message.</summary>
    public static string Error(string yaml, IReadOnlyList<SpecOverride>? overrides = null) =>
        Assert.Throws<SpecException>(() => TrialSpecReader.ReadText(yaml, Yaml, FakePresets.Named, overrides)).Message;
}
