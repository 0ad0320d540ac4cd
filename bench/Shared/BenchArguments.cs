using System.Globalization;

namespace Sweep.Bench;

/// <summary>A benchmark's <c>--name value</c> pairs. Every option has a default, so no arguments runs a benchmark as
/// documented; a bad one ends it with one line (<see cref="ArgumentException"/>) naming the option.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(string[] args, IReadOnlyCollection<string> names)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!names.Contains(args[i]) || i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]}: expected one of {string.Join(", ", names)} followed by a value");
            _values[args[i]] = args[i + 1];
        }
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Count(string name, int fallback) => _values.TryGetValue(name, out var text) ? PositiveInt(name, text) : fallback;

    public double Seconds(string name, double fallback)
    {
        if (!_values.TryGetValue(name, out var text))
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"{name}: expected a number of seconds > 0, found '{text}'");
    }

    public List<T> List<T>(string name, string fallback, Func<string, T> parse) =>
        [.. Text(name, fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(parse)];

    public static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{name}: expected a whole number > 0, found '{text}'");

    /// <summary>Parses, or prints the one-line error and gives the exit code 2; on success the work directory is
    /// emptied so every run starts from nothing.</summary>
    public static bool TryParse<T>(Func<T> parse, Func<T, string> workDirectory, out T options, out int exitCode)
    {
        try
        {
            options = parse();
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            options = default!;
            exitCode = 2;
            return false;
        }
        if (Directory.Exists(workDirectory(options)))
            Directory.Delete(workDirectory(options), recursive: true);
        exitCode = 0;
        return true;
    }
}
