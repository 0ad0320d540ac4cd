namespace Sweep.Trials.Specs;

/// <summary>Marks a spec field added after sweeps were already being checkpointed: while it holds its default (or an
/// empty list) it is left out of the trial's identity hash, so a spec that does not use it keeps the identity it had
/// before the field existed and still resumes its checkpoints.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AddedFieldAttribute : Attribute;
