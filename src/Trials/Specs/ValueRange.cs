using System.Globalization;

namespace Sweep.Trials.Specs;

/// <summary>The values a numeric field accepts: an interval with optional, open or closed ends, or a short set.</summary>
public sealed record ValueRange
{
    public double? Low { get; private init; }
    public bool LowInclusive { get; private init; }
    public double? High { get; private init; }
    public bool HighInclusive { get; private init; }
    public IReadOnlyList<double>? Allowed { get; private init; }

    public static ValueRange AtLeast(double low) => new() { Low = low, LowInclusive = true };
    public static ValueRange Above(double low) => new() { Low = low };
    /// <summary>Both ends included.</summary>
    public static ValueRange Between(double low, double high) =>
        new() { Low = low, LowInclusive = true, High = high, HighInclusive = true };
    /// <summary>Low end included, high end excluded: [low, high).</summary>
    public static ValueRange FromUpTo(double low, double high) =>
        new() { Low = low, LowInclusive = true, High = high };
    /// <summary>Both ends excluded: (low, high).</summary>
    public static ValueRange Inside(double low, double high) => new() { Low = low, High = high };
    public static ValueRange OneOf(params double[] values) => new() { Allowed = values };

    public bool Contains(double value)
    {
        if (Allowed is { } allowed)
            return allowed.Contains(value);
        var aboveLow = Low is not { } low || (LowInclusive ? value >= low : value > low);
        var belowHigh = High is not { } high || (HighInclusive ? value <= high : value < high);
        return aboveLow && belowHigh;
    }

    /// <summary>What a message says is expected, e.g. "0 ≤ value &lt; 1" or "an integer ≥ 1".</summary>
    public string Describe(bool integer)
    {
        if (Allowed is { } allowed)
            return allowed.Count == 1
                ? Number(allowed[0])
                : string.Join(", ", allowed.Take(allowed.Count - 1).Select(Number)) + " or " + Number(allowed[^1]);
        var noun = integer ? "an integer" : "a number";
        return (Low, High) switch
        {
            ({ } low, { } high) => $"{Number(low)} {(LowInclusive ? "≤" : "<")} value {(HighInclusive ? "≤" : "<")} {Number(high)}",
            ({ } low, null) => $"{noun} {(LowInclusive ? "≥" : ">")} {Number(low)}",
            (null, { } high) => $"{noun} {(HighInclusive ? "≤" : "<")} {Number(high)}",
            _ => noun,
        };
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
