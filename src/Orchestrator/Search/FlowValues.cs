using System.Globalization;

namespace Sweep.Orchestrator.Search;

/// <summary>Compares and writes parameter values as YAML flow text, so that <c>0.001</c> and <c>1e-3</c>, or
/// <c>True</c> and <c>true</c>, count as the same value.</summary>
public static class FlowValues
{
    public static bool AreEqual(string left, string right) =>
        string.Equals(Canonical(left), Canonical(right), StringComparison.Ordinal);

    /// <summary>One spelling per value: integers and floating-point numbers in their shortest round-trip invariant
    /// form, booleans in lower case, anything else as written (trimmed).</summary>
    public static string Canonical(string value)
    {
        var text = value.Trim();
        // Integers first: a double would round integers beyond 2^53 and make distinct values look equal.
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return Format(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return Format(number);
        if (bool.TryParse(text, out var flag))
            return flag ? "true" : "false";
        return text;
    }

    /// <summary>The shortest text that parses back to exactly this double, in invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
