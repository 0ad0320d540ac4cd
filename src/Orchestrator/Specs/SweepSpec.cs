using Sweep.Trials.Specs;

namespace Sweep.Orchestrator.Specs;

/// <summary>A whole sweep file: the baseline trial (everything but `search:`) and what to vary.</summary>
/// <param name="SourcePath">The file it was read from, for messages.</param>
/// <param name="Text">The file's text as read, stored with the sweep so a resume can rebuild the plan.</param>
/// <param name="BaselineValues">For every parameter path in <c>search:</c>, the baseline's effective value as YAML
/// flow text (the default where the file does not set it).</param>
public sealed record SweepSpec(string SourcePath, string Text, TrialSpec Baseline, SearchSpec Search,
    IReadOnlyDictionary<string, string> BaselineValues);

public enum SearchStrategy { Ofat, OfatAdaptive, Grid, Random }

public sealed record SearchSpec
{
    public SearchStrategy Strategy { get; init; } = SearchStrategy.Ofat;
    /// <summary>In the order written; OFAT and grid keep this order.</summary>
    public IReadOnlyList<ParameterSpace> Parameters { get; init; } = [];
    /// <summary>Seeds per configuration.</summary>
    public int Repeats { get; init; } = 1;
    public int MaxTrials { get; init; } = 1000;
    /// <summary>Random search: how many configurations to sample.</summary>
    public int Trials { get; init; } = 10;
    /// <summary>OFAT: run the pairs of the K most helpful single changes together.</summary>
    public int Interactions { get; init; }
    /// <summary>A failed trial (a crash, a killed worker) is re-run from its last checkpoint this many times.
    /// Stopping and resuming the sweep does not count.</summary>
    public int Retries { get; init; } = 1;
    public EarlyStoppingSpec EarlyStopping { get; init; } = new();
}

public enum EarlyStoppingPolicy { None, Median, Asha }

public sealed record EarlyStoppingSpec
{
    public EarlyStoppingPolicy Policy { get; init; } = EarlyStoppingPolicy.None;
    /// <summary>No trial is stopped before this epoch.</summary>
    public int GraceEpochs { get; init; } = 1;
    /// <summary>ASHA: keep the top 1/reduction at each rung; rungs at grace × reduction^k epochs.</summary>
    public int Reduction { get; init; } = 3;
    /// <summary>Median rule: trials needed at an epoch before anyone is compared with their median.</summary>
    public int MinTrials { get; init; } = 3;
}

/// <summary>A parameter to vary: a dotted path into the trial spec (e.g. <c>training.lr</c>) and what to try.
/// Values are YAML flow text (<c>0.001</c>, <c>true</c>, <c>sgd</c>, <c>[128, 64]</c>) so that they bind
/// exactly as if written in the baseline.</summary>
public abstract record ParameterSpace(string Path, int Line);

public sealed record ValueList(string Path, int Line, IReadOnlyList<string> Values) : ParameterSpace(Path, Line);
public sealed record UniformRange(string Path, int Line, double Low, double High) : ParameterSpace(Path, Line);
public sealed record LogUniformRange(string Path, int Line, double Low, double High) : ParameterSpace(Path, Line);
public sealed record IntRange(string Path, int Line, long Low, long High) : ParameterSpace(Path, Line);
public sealed record Choice(string Path, int Line, IReadOnlyList<string> Values) : ParameterSpace(Path, Line);
