using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>A spec file parsed into YAML nodes (which keep their line numbers), and the bindings of its parts.</summary>
public sealed class SpecDocument
{
    private static readonly HashSet<string> SweepOnlyKeys = ["search"];

    private readonly SpecLocator locator;

    private SpecDocument(string file, string text, YamlMappingNode root)
    {
        File = file;
        Text = text;
        Root = root;
        locator = new SpecLocator(file);
    }

    public string File { get; }
    public string Text { get; }
    public YamlMappingNode Root { get; }

    public static SpecDocument Parse(string text, string file) => YamlText.Load(text, file) switch
    {
        YamlMappingNode root => new SpecDocument(file, text, root),
        null => throw new SpecException(file, 1, "spec", $"{ExpectedSections()}, found an empty file"),
        var other => throw new SpecException(file, SpecLocator.LineOf(other), "spec",
            $"{ExpectedSections()}, found {YamlNodes.Describe(other)}"),
    };

    private static string ExpectedSections() =>
        $"expected a mapping of sections ({string.Join(", ", SpecSchema.Fields(typeof(TrialSpec)).Select(SpecSchema.KeyOf))})";

    /// <summary>One trial of a sweep: the text parsed once, with the overrides applied to that parse.</summary>
    public static TrialSpec BindTrial(string text, string file, Func<string, ModelSpec> presets,
        IReadOnlyList<SpecOverride> overrides)
    {
        var document = Parse(text, file);
        document.Apply(overrides);
        return Bind(document.Root, document.locator, presets);
    }

    /// <summary>The trial part of the file (a <c>search:</c> section is left to the sweep), with the overrides
    /// applied first; errors about an override point at the line and field it names.</summary>
    public TrialSpec BindTrial(Func<string, ModelSpec> presets, IReadOnlyList<SpecOverride>? overrides = null)
    {
        if (overrides is not { Count: > 0 })
            return Bind(Root, locator, presets);
        // Overrides go into a fresh parse of the text, so this document's own tree never changes.
        var fresh = Parse(Text, File);
        fresh.Apply(overrides);
        return Bind(fresh.Root, fresh.locator, presets);
    }

    private static TrialSpec Bind(YamlMappingNode root, SpecLocator target, Func<string, ModelSpec> presets)
    {
        var binder = new SpecBinder(target, ModelPresetStart.From(presets, target));
        var spec = (TrialSpec)binder.BindRecord(typeof(TrialSpec), root, null, "", SweepOnlyKeys);
        TrialConsistency.Check(spec, root, target);
        return spec;
    }

    private void Apply(IReadOnlyList<SpecOverride> overrides)
    {
        foreach (var change in overrides)
            OverrideApplier.Apply(Root, change, locator);
    }

    /// <summary>Binds one section of this document (e.g. <c>search</c>) to a record, with the ranges of
    /// <see cref="SpecRanges"/> under <paramref name="path"/>; keys in <paramref name="skippedKeys"/> are left
    /// for the caller.</summary>
    public T BindSection<T>(YamlMappingNode node, string path, IReadOnlySet<string>? skippedKeys = null)
        where T : class, new() =>
        (T)new SpecBinder(locator).BindRecord(typeof(T), node, null, path, skippedKeys);

    /// <summary>The line of a field (a dotted path) the file writes, or null when it leaves the field unset.</summary>
    public int? LineOf(string path) => WrittenNodes.Written(Root, path) is { } node ? SpecLocator.LineOf(node) : null;

    /// <summary>An error at a node of <see cref="Root"/>.</summary>
    public SpecException ErrorAt(YamlNode node, string field, string problem) => locator.Error(node, field, problem);
}
