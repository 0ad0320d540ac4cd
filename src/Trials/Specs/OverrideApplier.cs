using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Writes overrides into a document's node tree, creating the sections a file leaves out.</summary>
internal static class OverrideApplier
{
    public static void Apply(YamlMappingNode root, SpecOverride change, SpecLocator locator)
    {
        if (!SpecPaths.IsValid(change.Path))
            throw new SpecException(locator.File, change.Line, change.Field,
                $"unknown parameter '{change.Path}'; did you mean '{SpecPaths.Nearest(change.Path)}'?");
        var value = ParseValue(change, locator.File);
        locator.MarkOverride(value, change.Line, change.Field);

        var keys = change.Path.Split('.');
        var section = root;
        var path = "";
        foreach (var key in keys[..^1])
        {
            path = SpecSchema.Child(path, key);
            var existing = KeyIn(section, key);
            if (existing is null)
            {
                var created = new YamlMappingNode();
                locator.MarkOverride(created, change.Line, change.Field);
                section.Add(new YamlScalarNode(key), created);
                section = created;
            }
            else if (section.Children[existing] is YamlMappingNode nested)
                section = nested;
            else if (YamlNodes.IsNull(section.Children[existing]))
            {
                var created = new YamlMappingNode();
                locator.MarkOverride(created, change.Line, change.Field);
                section.Children[existing] = created;
                section = created;
            }
            else
                throw locator.Error(section.Children[existing], path,
                    $"expected a mapping of fields, found {YamlNodes.Describe(section.Children[existing])}");
        }
        section.Children[KeyIn(section, keys[^1]) ?? new YamlScalarNode(keys[^1])] = value;
    }

    private static YamlNode ParseValue(SpecOverride change, string file)
    {
        try
        {
            return YamlText.Load(change.Value, file) ?? new YamlScalarNode("");
        }
        catch (SpecException)
        {
            throw new SpecException(file, change.Line, change.Field, $"expected a YAML value, found '{change.Value}'");
        }
    }

    private static YamlNode? KeyIn(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.FirstOrDefault(node => node is YamlScalarNode { Value: var written } && written == key);
}
