using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Training;

/// <summary>What a checkpoint is matched against before it is restored: a hash of everything that decides a trial's
/// numbers (the resolved spec, its seed included), so one trial's checkpoints never continue another.</summary>
public static class TrialIdentity
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Of(TrialSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(spec, Canonical))))[..16];
}
