using System.Text;

namespace Sweep.Trials.Specs;

/// <summary>How C# names are spelled in spec files.</summary>
internal static class SpecNames
{
    /// <summary><c>BatchSize</c> → <c>batch_size</c>, <c>Dropout2d</c> → <c>dropout2d</c>, <c>L1</c> → <c>l1</c>.</summary>
    public static string SnakeCase(string pascal) => Join(pascal, '_');

    /// <summary><c>FashionMnist</c> → <c>fashion-mnist</c>.</summary>
    public static string KebabCase(string pascal) => Join(pascal, '-');

    private static string Join(string pascal, char separator)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])))
                text.Append(separator);
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
