using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweep.Orchestrator.Storage;

/// <summary>The one JSON dialect of everything the sweep stores or exports, so a file written by one part reads
/// back in every other.</summary>
public static class SweepJson
{
    /// <summary>camelCase records, enums by name, and NaN/Infinity written as "NaN"/"Infinity": a diverged trial's
    /// loss is NaN and must round-trip rather than fail the write.</summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>The same dialect laid out for people reading an exported file.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Expected a {typeof(T).Name} but the stored JSON is null.");

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = writeIndented,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
