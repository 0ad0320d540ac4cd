using System.Security.Cryptography;
using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Models;

/// <summary>Turns a named <c>model.pretrained</c> (torchvision:resnet18) into a verified file in the model cache,
/// downloading it only when the spec allows. Every file is checked against the SHA-256 prefix its name carries, when
/// it arrives and whenever it is used, so a truncated or replaced file in the cache is never trained from.</summary>
public sealed class NamedWeightsSource(ModelCache cache, FileDownloader downloader)
{
    private const string Field = "model.pretrained";

    /// <returns>The path of the verified file.</returns>
    public string Resolve(NamedWeights weights, bool download, string specFile)
    {
        var path = cache.PathOf(weights);
        var url = cache.UrlOf(weights);
        if (File.Exists(path))
        {
            var digest = Sha256Of(path);
            if (!digest.StartsWith(weights.HashPrefix, StringComparison.Ordinal))
                throw new SpecException(specFile, null, Field,
                    $"{path}: expected a SHA-256 starting {weights.HashPrefix} (as its name says), found "
                    + $"{digest[..weights.HashPrefix.Length]}; the file is damaged or not {weights.Name}: delete it "
                    + $"and download {url} again");
            return path;
        }
        if (!download)
            throw new SpecException(specFile, null, Field,
                $"{weights.Name} expects the file {weights.FileName} at {path}, which is missing; download {url} "
                + "there, or set model.download: true (the folder is $SWEEP_MODELS, else $XDG_CACHE_HOME/sweep/models, "
                + "else ~/.cache/sweep/models)");
        try
        {
            return downloader.Download(url, path, HashAlgorithmName.SHA256, digest =>
                digest.StartsWith(weights.HashPrefix, StringComparison.Ordinal)
                    ? null
                    : $"expected a SHA-256 starting {weights.HashPrefix} (as {weights.FileName} says), found "
                        + $"{digest[..weights.HashPrefix.Length]}; the download was discarded");
        }
        catch (DataFileException error)
        {
            throw new SpecException(specFile, null, Field, $"{weights.Name} could not be downloaded to {path}: "
                + error.Message);
        }
    }

    private static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
