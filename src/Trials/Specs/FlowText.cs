using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Values as YAML flow text (<c>0.001</c>, <c>true</c>, <c>leaky_relu</c>, <c>[128, 64]</c>), written so
/// that binding the text gives back the same value.</summary>
public static partial class FlowText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable whole and (int or long) => whole.ToString(null, CultureInfo.InvariantCulture),
        Enum member => EnumSpelling.Format(member),
        string text => Text(text),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Format))}]",
        _ => throw new ArgumentException($"No flow text for a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>A node's text as the user wrote it: plain scalars unchanged, quoted ones quoted only where the
    /// quotes matter, collections in flow style.</summary>
    public static string Of(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } plain => plain.Value ?? "",
        YamlScalarNode quoted => Text(quoted.Value ?? ""),
        YamlSequenceNode sequence => $"[{string.Join(", ", sequence.Children.Select(Of))}]",
        YamlMappingNode mapping => $"{{{string.Join(", ", mapping.Children.Select(pair => $"{Of(pair.Key)}: {Of(pair.Value)}"))}}}",
        _ => throw new ArgumentException($"No flow text for a {node.NodeType} node.", nameof(node)),
    };

    private static string Text(string text) =>
        SafePlain().IsMatch(text) && !IsNullWord(text)
            ? text
            : $"\"{text.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    private static bool IsNullWord(string text) => text is "~" or "null" or "Null" or "NULL";

    /// <summary>Text that YAML reads back unchanged as a plain scalar, inside or outside flow collections.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./+][A-Za-z0-9_./+ -]*(?<! )$")]
    private static partial Regex SafePlain();
}
