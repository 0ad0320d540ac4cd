namespace Sweep.Trials.Specs;

/// <summary>Enum values as spec files write them. Reading accepts any case and either `-` or `_` between words;
/// writing uses the documented spelling: kebab-case, except activations and metrics, which the machine-learning
/// literature writes in snake_case (leaky_relu, val_accuracy).</summary>
public static class EnumSpelling
{
    private static readonly HashSet<Type> SnakeCaseEnums = [typeof(Activation), typeof(ObjectiveMetric)];

    public static string Format(Enum value) => Spell(value.GetType(), value.ToString());

    public static IReadOnlyList<string> Allowed(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(name => Spell(enumType, name))];

    public static bool TryParse(Type enumType, string text, out object value)
    {
        var wanted = Squash(text);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (Squash(name) == wanted)
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }
        value = null!;
        return false;
    }

    private static string Spell(Type enumType, string name) =>
        SnakeCaseEnums.Contains(enumType) ? SpecNames.SnakeCase(name) : SpecNames.KebabCase(name);

    private static string Squash(string text) =>
        new([.. text.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant)]);
}
