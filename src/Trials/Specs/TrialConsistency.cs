using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Checks that involve more than one field, or a list as a whole, after binding.</summary>
internal static class TrialConsistency
{
    public static void Check(TrialSpec spec, YamlMappingNode root, SpecLocator locator)
    {
        var milestones = spec.Training.Milestones;
        if (milestones.Zip(milestones.Skip(1)).Any(pair => pair.First >= pair.Second))
            throw locator.Error(NodeAt(root, "training.milestones"), "training.milestones",
                $"expected epochs in ascending order, found {FlowText.Format(milestones)}");
        if (spec.Model.Trainable.Count > 0 && spec.Model.Pretrained is null)
            throw locator.Error(NodeAt(root, "model.trainable"), "model.trainable",
                "expected model.pretrained to be set as well; trainable layers only apply to a pretrained model");
    }

    /// <summary>The node written at the path, or the deepest section above it that was written (a value can
    /// come from a preset rather than the file).</summary>
    private static YamlNode NodeAt(YamlMappingNode root, string path)
    {
        YamlNode node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode section)
                return node;
            var written = section.Children.Keys.FirstOrDefault(candidate => candidate is YamlScalarNode { Value: var name } && name == key);
            if (written is null)
                return node;
            node = section.Children[written];
        }
        return node;
    }
}
