using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>How spec messages see YAML nodes.</summary>
public static class YamlNodes
{
    /// <summary>YAML's plain null spellings, and an empty value (<c>key:</c> with nothing after it).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The "found …" part of a message.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    /// <summary>The value under a key of a mapping, or null when the key is not written.</summary>
    public static YamlNode? ValueOf(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var written } && written == key).Value;
}
