using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Binds YAML mappings to init-only spec records by reflection: each key is the snake_case name of a
/// settable property; a record starts from its defaults (or from <paramref name="startingRecord"/>'s answer,
/// which is how model presets come in) and the written keys override them.</summary>
/// <param name="startingRecord">Given a record type, its mapping node and its path, the record to start from,
/// or null for the type's defaults.</param>
internal sealed class SpecBinder(
    SpecLocator locator,
    Func<Type, YamlMappingNode, string, object?>? startingRecord = null)
{
    private readonly ScalarReader scalars = new(locator);
    private readonly NullabilityInfoContext nullability = new();

    public object BindRecord(Type type, YamlMappingNode node, object? start, string path,
        IReadOnlySet<string>? skippedKeys = null)
    {
        var fields = SpecSchema.Fields(type);
        var record = Activator.CreateInstance(type)!;
        var origin = startingRecord?.Invoke(type, node, path) ?? start;
        if (origin is not null)
            foreach (var field in fields)
                field.SetValue(record, field.GetValue(origin));

        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw locator.Error(keyNode, path, $"expected a field name, found {YamlNodes.Describe(keyNode)}");
            if (skippedKeys?.Contains(key) == true)
                continue;
            var keyPath = SpecSchema.Child(path, key);
            var field = fields.FirstOrDefault(candidate => SpecSchema.KeyOf(candidate) == key);
            if (field is null)
            {
                var valid = fields.Select(SpecSchema.KeyOf).Concat(skippedKeys ?? Enumerable.Empty<string>());
                throw locator.Error(keyNode, keyPath,
                    $"unknown field '{key}'; did you mean '{NearestName.Among(key, valid)}'?");
            }
            var nullable = nullability.Create(field).WriteState == NullabilityState.Nullable;
            field.SetValue(record, BindValue(field.PropertyType, nullable, valueNode, keyPath, field.GetValue(record)));
        }
        return record;
    }

    private object? BindValue(Type type, bool nullable, YamlNode node, string path, object? current)
    {
        if (YamlNodes.IsNull(node))
        {
            if (nullable)
                return null;
            // An empty section (`dataset:` with everything commented out) keeps its defaults.
            if (SpecSchema.IsRecord(type))
                return current;
            throw scalars.Mismatch(type, node, path);
        }
        // An optional number (training.backbone_lr) reads like the number it holds when it is written.
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ScalarReader.IsScalarType(type))
            return node is YamlScalarNode scalar ? scalars.Read(type, scalar, path) : throw scalars.Mismatch(type, node, path);
        if (SpecSchema.ListElement(type) is { } element)
            return node is YamlSequenceNode sequence ? BindList(element, sequence, path) : throw scalars.Mismatch(type, node, path);
        if (SpecSchema.IsRecord(type))
            return node is YamlMappingNode mapping ? BindRecord(type, mapping, current, path) : throw scalars.Mismatch(type, node, path);
        throw new InvalidOperationException($"Spec records cannot hold a {type.Name} ({path}).");
    }

    private Array BindList(Type element, YamlSequenceNode sequence, string path)
    {
        var items = Array.CreateInstance(element, sequence.Children.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var item = sequence.Children[i];
            if (item is not YamlScalarNode scalar || YamlNodes.IsNull(item))
                throw scalars.Mismatch(element, item, path);
            items.SetValue(scalars.Read(element, scalar, path), i);
        }
        return items;
    }
}
