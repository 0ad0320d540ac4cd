using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Sweep.Trials.Data;
using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Tests.Data;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Models;

/// <summary>Named weights against a mirror on 127.0.0.1 serving a small real state dict, named as torchvision names
/// its files: the first eight hex digits of its SHA-256 before the extension.</summary>
public sealed class NamedWeightsSourceTests : IDisposable
{
    private const string SpecFile = "spec.yaml";
    private readonly LocalFileServer server = new();
    private readonly TemporaryFolder cache = new();
    private readonly HttpClient http = new();
    private readonly byte[] stateDict = SmallStateDict();
    private readonly NamedWeights weights;

    public NamedWeightsSourceTests()
    {
        weights = new NamedWeights("torchvision:tiny", $"tiny-{Sha256(stateDict)[..8]}.pth", ModelKind.Resnet, 18);
        server.Add(weights.FileName, stateDict);
    }

    public void Dispose()
    {
        http.Dispose();
        server.Dispose();
        cache.Dispose();
    }

    private NamedWeightsSource Source(Uri? mirror = null) =>
        new(new ModelCache(cache.Path, mirror ?? server.BaseUrl), new FileDownloader(http));

    [Fact]
    public void Download_MatchingHash_LeavesOnlyTheFileInTheCache()
    {
        var path = Source().Resolve(weights, download: true, SpecFile);

        Assert.Equal(cache.File(weights.FileName), path);
        Assert.Equal(stateDict, File.ReadAllBytes(path));
        Assert.Equal([weights.FileName], Directory.GetFileSystemEntries(cache.Path).Select(Path.GetFileName));
        Assert.True(PyTorchStateDict.IsOne(path));
    }

    [Fact]
    public void Download_WrongHash_IsRefusedAndLeavesNothing()
    {
        var impostor = weights with { FileName = "tiny-00000000.pth" };
        server.Add(impostor.FileName, stateDict);

        var error = Assert.Throws<SpecException>(() => Source().Resolve(impostor, download: true, SpecFile));

        Assert.Equal($"{SpecFile}: model.pretrained: torchvision:tiny could not be downloaded to "
            + $"{cache.File(impostor.FileName)}: {server.BaseUrl}{impostor.FileName}: expected a SHA-256 starting "
            + $"00000000 (as {impostor.FileName} says), found {Sha256(stateDict)[..8]}; the download was discarded",
            error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void Download_NotOnTheServer_IsOneLineAndLeavesNothing()
    {
        var absent = weights with { FileName = "absent-12345678.pth" };

        var error = Assert.Throws<SpecException>(() => Source().Resolve(absent, download: true, SpecFile));

        Assert.Equal($"{SpecFile}: model.pretrained: torchvision:tiny could not be downloaded to "
            + $"{cache.File(absent.FileName)}: {server.BaseUrl}{absent.FileName}: expected HTTP 200, found 404 Not Found",
            error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void Download_ConnectionRefused_IsOneLineAndLeavesNothing()
    {
        var nobody = new Uri($"http://127.0.0.1:{UnusedPort()}/models/");

        var error = Assert.Throws<SpecException>(() => Source(nobody).Resolve(weights, download: true, SpecFile));

        Assert.StartsWith($"{SpecFile}: model.pretrained: torchvision:tiny could not be downloaded to "
            + $"{cache.File(weights.FileName)}: {nobody}{weights.FileName}: expected a download, found an error: ",
            error.Message);
        Assert.Contains("refused", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void CacheHit_NeedsNoServer()
    {
        File.WriteAllBytes(cache.File(weights.FileName), stateDict);
        var nobody = new Uri($"http://127.0.0.1:{UnusedPort()}/models/");

        var path = Source(nobody).Resolve(weights, download: true, SpecFile);

        Assert.Equal(cache.File(weights.FileName), path);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void CacheHit_DamagedFile_NamesFileAndBothPrefixes()
    {
        var damaged = stateDict[..^10];
        File.WriteAllBytes(cache.File(weights.FileName), damaged);

        var error = Assert.Throws<SpecException>(() => Source().Resolve(weights, download: true, SpecFile));

        Assert.Equal($"{SpecFile}: model.pretrained: {cache.File(weights.FileName)}: expected a SHA-256 starting "
            + $"{weights.HashPrefix} (as its name says), found {Sha256(damaged)[..8]}; the file is damaged or not "
            + $"torchvision:tiny: delete it and download {server.BaseUrl}{weights.FileName} again", error.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void Missing_WithoutDownload_SaysWhichFileToPutWhereAndFromWhere()
    {
        var error = Assert.Throws<SpecException>(() => Source().Resolve(weights, download: false, SpecFile));

        Assert.Equal($"{SpecFile}: model.pretrained: torchvision:tiny expects the file {weights.FileName} at "
            + $"{cache.File(weights.FileName)}, which is missing; download {server.BaseUrl}{weights.FileName} there, "
            + "or set model.download: true (the folder is $SWEEP_MODELS, else $XDG_CACHE_HOME/sweep/models, "
            + "else ~/.cache/sweep/models)", error.Message);
        Assert.Equal(0, server.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    private static byte[] SmallStateDict()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var tensors = new Dictionary<string, Tensor>
        {
            ["fc.weight"] = randn([3, 4], generator: generator),
            ["fc.bias"] = zeros(3),
        };
        using var file = new MemoryStream();
        PyTorchPickler.PickleStateDict(file, tensors, leaveOpen: true);
        return file.ToArray();
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
