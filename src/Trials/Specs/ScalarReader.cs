using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Reads one YAML scalar as a CLR value of a given type, with the range of its field.</summary>
internal sealed class ScalarReader(SpecLocator locator)
{
    public static bool IsScalarType(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(bool)
        || type == typeof(string) || type.IsEnum;

    public object Read(Type type, YamlScalarNode node, string path)
    {
        var text = node.Value ?? "";
        if (type == typeof(string))
            return text;
        if (type == typeof(bool))
            return bool.TryParse(text, out var flag)
                ? flag
                : throw Mismatch(type, node, path);
        if (type.IsEnum)
            return EnumSpelling.TryParse(type, text, out var member)
                ? member
                : throw Mismatch(type, node, path);
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                   && double.IsFinite(number)
                ? CheckRange(number, number, node, path, integer: false)
                : throw Mismatch(type, node, path);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            || (type == typeof(int) && whole is < int.MinValue or > int.MaxValue))
            throw Mismatch(type, node, path);
        return type == typeof(int)
            ? CheckRange((int)whole, whole, node, path, integer: true)
            : CheckRange(whole, whole, node, path, integer: true);
    }

    public static string Expected(Type type) =>
        type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "text"
        : type.IsEnum ? $"one of {string.Join(", ", EnumSpelling.Allowed(type))}"
        : SpecSchema.ListElement(type) is { } element ? $"a list of {Plural(element)}"
        : "a mapping of fields";

    public SpecException Mismatch(Type type, YamlNode node, string path) =>
        locator.Error(node, path, $"expected {Expected(type)}, found {YamlNodes.Describe(node)}");

    private object CheckRange(object value, double number, YamlScalarNode node, string path, bool integer) =>
        !SpecRanges.ByPath.TryGetValue(path, out var range) || range.Contains(number)
            ? value
            : throw locator.Error(node, path, $"expected {range.Describe(integer)}, found {node.Value}");

    private static string Plural(Type element) =>
        element == typeof(int) || element == typeof(long) ? "integers"
        : element == typeof(double) ? "numbers"
        : "names";
}
