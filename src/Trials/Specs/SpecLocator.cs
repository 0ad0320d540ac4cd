using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Turns a problem found at a YAML node into a <see cref="SpecException"/> that points where the user
/// wrote it. Nodes that an override put into the tree point at the line and field that introduced the override
/// (a <c>search:</c> entry), not at their own position in the override's one-line text.</summary>
internal sealed class SpecLocator(string file)
{
    private readonly Dictionary<YamlNode, (int? Line, string Field)> overrideOrigins =
        new(ReferenceEqualityComparer.Instance);

    public string File => file;

    public void MarkOverride(YamlNode value, int? line, string field)
    {
        foreach (var node in value.AllNodes)
            overrideOrigins[node] = (line, field);
    }

    /// <summary>Whether an override put the node into the tree (a search value), rather than the file.</summary>
    public bool IsOverride(YamlNode node) => overrideOrigins.ContainsKey(node);

    public SpecException Error(YamlNode node, string field, string problem) =>
        overrideOrigins.TryGetValue(node, out var origin)
            ? new SpecException(file, origin.Line, origin.Field, problem)
            : new SpecException(file, LineOf(node), field, problem);

    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
