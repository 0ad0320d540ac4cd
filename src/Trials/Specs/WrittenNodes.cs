using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Finds what a spec's node tree holds at a dotted path, the file's own keys and those overrides put there.</summary>
public static class WrittenNodes
{
    /// <summary>The node of a key written in the file (or by an override), or null when it was not.</summary>
    public static YamlNode? Written(YamlMappingNode root, string path) =>
        Walk(root, path) is (var node, Complete: true) ? node : null;

    /// <summary>The node written at the path, or the deepest section above it that was written (a value can
    /// come from a preset rather than the file).</summary>
    public static YamlNode NodeAt(YamlMappingNode root, string path) => Walk(root, path).Node;

    private static (YamlNode Node, bool Complete) Walk(YamlMappingNode root, string path)
    {
        YamlNode node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode section
                || section.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key) is not { } written)
                return (node, false);
            node = section.Children[written];
        }
        return (node, true);
    }
}
