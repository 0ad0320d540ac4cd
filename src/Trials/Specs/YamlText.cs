using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Trials.Specs;

/// <summary>Parses YAML text into a node tree, turning syntax errors into one-line spec errors.</summary>
internal static class YamlText
{
    /// <summary>The root node of the text's only document, or null when the text holds no document.</summary>
    public static YamlNode? Load(string text, string file)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException error)
        {
            throw new SpecException(file, (int)error.Start.Line, "syntax", Describe(error.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 fails this way, without a position, when a flow collection is left open before
            // the next `key:` line; the last event it parsed is on the line that opened it.
            throw new SpecException(file, (int)(parser.Current?.End.Line ?? 1), "syntax",
                "invalid YAML; is a '[' or '{' left open?");
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode,
            _ => throw new SpecException(file, (int)stream.Documents[1].RootNode.Start.Line, "syntax",
                "expected one YAML document, found a second one"),
        };
    }

    private static string Describe(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }
}
