namespace Sweep.Trials.Specs;

/// <summary>Marks a spec field added after sweeps were already being checkpointed: while it holds its default (or an
/// empty list) it is left out of the trial's identity hash, so a spec that does not use it keeps the identity it had
/// before the field existed and still resumes its checkpoints.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AddedFieldAttribute : Attribute;

/// <summary>Marks a spec field that became optional after sweeps were already being checkpointed: unset, it is
/// hashed into the trial's identity as the value it always had before, so old checkpoints still resume.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HashedWhenUnsetAsAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
