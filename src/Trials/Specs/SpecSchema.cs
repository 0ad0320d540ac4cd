using System.Reflection;

namespace Sweep.Trials.Specs;

/// <summary>What the binder can see of a spec record: its settable properties, the YAML key of each, and
/// which property types are nested records rather than values.</summary>
internal static class SpecSchema
{
    public static IReadOnlyList<PropertyInfo> Fields(Type record) =>
        [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true })
            .OrderBy(property => property.MetadataToken)];

    public static string KeyOf(PropertyInfo property) => SpecNames.SnakeCase(property.Name);

    public static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>The element type of <c>IReadOnlyList&lt;T&gt;</c>, or null for any other type.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type.GetGenericArguments()[0]
            : null;

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
