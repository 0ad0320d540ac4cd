namespace Sweep.Reports.Model;

/// <summary>One parameter a trial sets differently from the baseline; values are YAML flow text.</summary>
public sealed record ChangeInfo(string Path, string Value, string BaselineValue);
