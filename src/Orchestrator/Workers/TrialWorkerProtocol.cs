using System.Text.Json;
using System.Text.Json.Serialization;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Workers;

/// <summary>The first line a trial worker reads: what to train and where.</summary>
public sealed record TrialWorkerRequest(TrialSpec Spec, TrialRunOptions Options);

public sealed record BatchProgress(int Epoch, int Batch, int BatchCount, double MeanLoss);

/// <summary>One line a trial worker writes; exactly one member is set, and <see cref="Trace"/> beside
/// <see cref="Error"/>.</summary>
/// <param name="Error">What failed, in one line: the trial's message.</param>
/// <param name="Trace">The failure in full, with its stack trace: for the sweep's log.</param>
public sealed record TrialWorkerMessage(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchProgress? Batch = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EpochMetrics? Epoch = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrialResult? Result = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Trace = null);

/// <summary>Newline-delimited JSON over the worker's standard streams. The parent answers every epoch with a
/// decision line and may send <see cref="Cancel"/> at any time.</summary>
public static class TrialWorkerProtocol
{
    public const string Command = "trial-worker";
    public const string Continue = "continue";
    public const string Stop = "stop";
    public const string Yield = "yield";
    public const string Cancel = "cancel";

    public static string Encode<T>(T message) => SweepJson.Serialize(message);

    public static T Decode<T>(string line) => SweepJson.Deserialize<T>(line);

    /// <summary>The message on a worker's output line, or null for a line that is not one.</summary>
    public static TrialWorkerMessage? TryDecode(string line)
    {
        if (!line.StartsWith('{'))
            return null;
        try
        {
            return Decode<TrialWorkerMessage>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Encode(EpochDecision decision) => decision switch
    {
        EpochDecision.Continue => Continue,
        EpochDecision.Yield => Yield,
        _ => Stop,
    };

    /// <summary>Anything but a known answer stops the trial: a worker must not train on unobserved.</summary>
    public static EpochDecision DecodeDecision(string? answer) => answer switch
    {
        Continue => EpochDecision.Continue,
        Yield => EpochDecision.Yield,
        _ => EpochDecision.Stop,
    };
}
