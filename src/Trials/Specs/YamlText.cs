using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Parses YAML text into a node tree, turning syntax errors into one-line spec errors.</summary>
internal static partial class YamlText
{
    /// <summary>The root node of the text's only document, or null when the text holds no document.</summary>
    public static YamlNode? Load(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new SpecException(file, (int)error.Start.Line, "syntax", Describe(error));
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode,
            _ => throw new SpecException(file, (int)stream.Documents[1].RootNode.Start.Line, "syntax",
                "expected one YAML document, found a second one"),
        };
    }

    /// <summary>YamlDotNet prefixes its messages with the position, which our format already gives.</summary>
    private static string Describe(YamlException error)
    {
        var innermost = error.InnerException is YamlException inner ? inner : error;
        var message = PositionPrefix().Replace(innermost.Message, "").Trim();
        return message.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
