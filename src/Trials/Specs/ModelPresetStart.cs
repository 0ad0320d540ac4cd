using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>The <c>model</c> section starts from the named preset's record when <c>model.preset</c> is written.</summary>
internal static class ModelPresetStart
{
    public static Func<Type, YamlMappingNode, string, object?> From(Func<string, ModelSpec> presets, SpecLocator locator) =>
        (type, node, path) =>
        {
            if (type != typeof(ModelSpec))
                return null;
            var written = YamlNodes.ValueOf(node, "preset");
            if (written is not YamlScalarNode { Value: { } name } || YamlNodes.IsNull(written))
                return null;
            try
            {
                return presets(name);
            }
            catch (SpecException unplaced) when (unplaced.Line is null)
            {
                throw locator.Error(written, SpecSchema.Child(path, "preset"), unplaced.Problem);
            }
        };
}
