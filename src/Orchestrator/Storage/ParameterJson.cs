using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Storage;

/// <summary>A parameter's value (YAML flow text, as plans store it) as the JSON value it stands for, so an export
/// types parameters as a reader of the spec would: 0.003 a number, true a boolean, [32, 64] an array, adam and
/// quoted text strings.</summary>
public static class ParameterJson
{
    public static JsonNode? Of(string yamlFlowText)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlFlowText));
        }
        catch (YamlException)
        {
            return JsonValue.Create(yamlFlowText);
        }
        return stream.Documents.Count == 0 ? null : Of(stream.Documents[0].RootNode);
    }

    private static JsonNode? Of(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Of)]),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? "", Of(entry.Value)))),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
            return JsonValue.Create(text);
        if (text is "null" or "~" or "")
            return null;
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
