using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Where named weights are kept and fetched from. <c>SWEEP_MODELS</c> moves the cache (a shared disk for a
/// cluster), <c>SWEEP_MODELS_URL</c> the server (a mirror inside a network without internet access).</summary>
/// <param name="BaseUrl">Ends with a slash: file names are appended to it.</param>
public sealed record ModelCache(string Folder, Uri BaseUrl)
{
    public static readonly Uri TorchvisionUrl = new("https://download.pytorch.org/models/");

    public static ModelCache FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static ModelCache FromEnvironment(Func<string, string?> variable)
    {
        var folder = NonEmpty(variable("SWEEP_MODELS"))
            ?? Path.Combine(NonEmpty(variable("XDG_CACHE_HOME"))
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "sweep", "models");
        var url = NonEmpty(variable("SWEEP_MODELS_URL")) is { } mirror
            ? new Uri(mirror.EndsWith('/') ? mirror : mirror + "/")
            : TorchvisionUrl;
        return new ModelCache(Path.GetFullPath(folder), url);
    }

    public string PathOf(NamedWeights weights) => Path.Combine(Folder, weights.FileName);

    public Uri UrlOf(NamedWeights weights) => new(BaseUrl, weights.FileName);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
