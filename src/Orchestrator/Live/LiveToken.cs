using System.Security.Cryptography;
using System.Text;

namespace Sweep.Orchestrator.Live;

/// <summary>The secret a non-loopback live view asks of every request. Compared in constant time, so the time a
/// refusal takes tells nothing of how much of a guess was right.</summary>
public sealed class LiveToken
{
    public const string SettingKey = "Live:Token";
    public const string QueryName = "token";
    public const string CookieName = "sweep_live";

    private readonly byte[] digest;

    public LiveToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("a token must not be empty", nameof(value));
        Value = value;
        digest = Digest(value);
    }

    public string Value { get; }

    /// <summary>256 random bits, URL-safe, so it can travel in <c>?token=</c>.</summary>
    public static LiveToken Generate() => new(Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Hashing both sides first gives equal lengths, so a wrong length is refused in the same time too.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Digest(candidate), digest);

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
