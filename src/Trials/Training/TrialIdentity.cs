using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Training;

/// <summary>What a checkpoint is matched against before it is restored: a hash of everything that decides a trial's
/// numbers (the resolved spec, its seed included), so one trial's checkpoints never continue another.</summary>
public static class TrialIdentity
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitUnsetAddedFields } },
    };

    public static string Of(TrialSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(spec, Canonical))))[..16];

    private static void OmitUnsetAddedFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetConstructor(Type.EmptyTypes) is null)
            return;
        var defaults = Activator.CreateInstance(info.Type);
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo field)
                continue;
            if (field.GetCustomAttribute<HashedWhenUnsetAsAttribute>() is { } former)
            {
                var read = property.Get!;
                property.Get = record => read(record) ?? former.Value;
            }
            if (!field.IsDefined(typeof(AddedFieldAttribute)))
                continue;
            var unset = field.GetValue(defaults);
            property.ShouldSerialize = (_, value) => !IsUnset(value, unset);
        }
    }

    private static bool IsUnset(object? value, object? unset) =>
        value is null || Equals(value, unset) || value is ICollection { Count: 0 };
}
