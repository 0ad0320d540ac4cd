namespace Sweep.Trials.Specs;

/// <summary>The dotted paths of the trial schema's leaf fields (<c>training.lr</c>, <c>model.hidden</c>,
/// <c>dataset.augmentation.horizontal_flip</c>): what a sweep may vary.</summary>
public static class SpecPaths
{
    public static IReadOnlyList<string> All { get; } = [.. LeavesOf(typeof(TrialSpec), "")];

    private static readonly HashSet<string> Valid = [.. All];

    public static bool IsValid(string path) => Valid.Contains(path);

    /// <summary>The valid path the user most likely meant.</summary>
    public static string Nearest(string path) => NearestName.Among(path, All);

    /// <summary>The value a spec holds at a leaf path (the list itself for list fields).</summary>
    public static object? ValueAt(TrialSpec spec, string path)
    {
        if (!IsValid(path))
            throw new ArgumentException($"'{path}' is not a field of a trial spec.", nameof(path));
        object? value = spec;
        foreach (var key in path.Split('.'))
            value = SpecSchema.Fields(value!.GetType()).Single(field => SpecSchema.KeyOf(field) == key).GetValue(value);
        return value;
    }

    /// <summary>The CLR type of the value at a leaf path; an optional number's is the number's.</summary>
    public static Type TypeAt(string path)
    {
        if (!IsValid(path))
            throw new ArgumentException($"'{path}' is not a field of a trial spec.", nameof(path));
        var type = typeof(TrialSpec);
        foreach (var key in path.Split('.'))
            type = SpecSchema.Fields(type).Single(field => SpecSchema.KeyOf(field) == key).PropertyType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static IEnumerable<string> LeavesOf(Type record, string path) =>
        SpecSchema.Fields(record).SelectMany(field =>
        {
            var fieldPath = SpecSchema.Child(path, SpecSchema.KeyOf(field));
            return SpecSchema.IsRecord(field.PropertyType) ? LeavesOf(field.PropertyType, fieldPath) : [fieldPath];
        });
}
