using System.Security.Cryptography;
using Sweep.Trials.Data;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Data;

public sealed class DownloadTests : IDisposable
{
    private readonly LocalFileServer server = new();
    private readonly TemporaryFolder folder = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        server.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Download_MatchingChecksum_WritesTheFile()
    {
        byte[] content = [1, 2, 3, 4];
        server.Add("data.bin", content);

        var path = new FileDownloader(http).Download(server.BaseUrl, new RemoteFile("data.bin", Md5(content)), folder.Path);

        Assert.Equal(folder.File("data.bin"), path);
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal(["data.bin"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Download_ChecksumMismatch_LeavesNothingBehind()
    {
        server.Add("data.bin", [1, 2, 3, 4]);
        var expected = new RemoteFile("data.bin", "00000000000000000000000000000000");

        var error = Assert.Throws<DataFileException>(() => new FileDownloader(http).Download(server.BaseUrl, expected, folder.Path));

        Assert.Equal($"{server.BaseUrl}data.bin: expected MD5 00000000000000000000000000000000, found {Md5([1, 2, 3, 4])}; the download was discarded",
            error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Download_MissingOnMirror_ReportsTheStatus()
    {
        var error = Assert.Throws<DataFileException>(() =>
            new FileDownloader(http).Download(server.BaseUrl, new RemoteFile("absent.bin", "x"), folder.Path));

        Assert.Contains("expected HTTP 200, found 404", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Load_MissingFilesWithDownloadOff_NamesEveryFolderSearched()
    {
        var spec = new DatasetSpec { Name = DatasetKind.Mnist };
        var dataDir = folder.File("data");

        var error = Assert.Throws<DataFileException>(() => Loader(new Dictionary<string, byte[]>()).Load(spec, dataDir, folder.File("sweep.yaml")));

        Assert.StartsWith("mnist: expected IDX files train-images-idx3-ubyte", error.Message);
        Assert.Contains(Path.Combine(dataDir, "mnist"), error.Message);
        Assert.Contains(folder.File("cache/mnist"), error.Message);
        Assert.Contains("dataset.download: true", error.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void Load_MissingFilesInTheSpecsFolder_LooksNowhereElse()
    {
        var spec = new DatasetSpec { Name = DatasetKind.Mnist, Path = "here" };

        var error = Assert.Throws<DataFileException>(() => Loader(new Dictionary<string, byte[]>()).Load(spec, folder.File("data"), folder.File("sweep.yaml")));

        Assert.Contains(folder.File("here"), error.Message);
        Assert.DoesNotContain(folder.File("data"), error.Message);
        Assert.DoesNotContain("/usr/share/datasets", error.Message);
    }

    [Fact]
    public void Load_MissingFilesWithDownloadOn_FetchesVerifiesAndReads()
    {
        var files = IdxMirrorFiles();
        var spec = new DatasetSpec { Name = DatasetKind.Mnist, Download = true };

        var raw = Loader(files).Load(spec, folder.File("data"), folder.File("sweep.yaml"));

        Assert.Equal((30, 10), (raw.Train.Count, raw.Test!.Count));
        Assert.Equal(Path.Combine(folder.File("data"), "mnist", "train-images-idx3-ubyte.gz"), raw.TrainSource);
        Assert.Equal(4, server.Requests);

        var again = Loader(files).Load(spec, folder.File("data"), folder.File("sweep.yaml"));
        Assert.Equal(raw.Train.Pixels, again.Train.Pixels);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void Load_Cifar_DownloadsAndUnpacksTheArchive()
    {
        var archive = DataFileWriter.CifarArchive(imagesPerBatch: 3);
        var spec = new DatasetSpec { Name = DatasetKind.Cifar10, Download = true, Path = "cifar" };
        var loader = Loader(new Dictionary<string, byte[]> { ["cifar-10-binary.tar.gz"] = archive });

        var raw = loader.Load(spec, null, folder.File("sweep.yaml"));

        Assert.Equal((15, 3), (raw.Train.Count, raw.Test!.Count));
        Assert.Equal("class9", raw.Train.ClassNames[9]);
        Assert.Equal(["batches.meta.txt", "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"],
            Directory.GetFiles(Path.Combine(folder.File("cifar"), "cifar-10-batches-bin")).Select(Path.GetFileName).Order());
        Assert.Equal(["cifar-10-batches-bin"], Directory.GetFileSystemEntries(folder.File("cifar")).Select(Path.GetFileName));
    }

    private Dictionary<string, byte[]> IdxMirrorFiles()
    {
        var source = folder.File("source");
        DataFileWriter.IdxDataset(source, trainCount: 30, testCount: 10);
        return Directory.GetFiles(source).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes);
    }

    private DatasetLoader Loader(IReadOnlyDictionary<string, byte[]> mirrorFiles)
    {
        foreach (var (name, content) in mirrorFiles)
            server.Add(name, content);
        var remote = mirrorFiles.Select(pair => new RemoteFile(pair.Key, Md5(pair.Value))).ToList();
        var source = (string name) => new DataSource(name, server.BaseUrl, remote, []);
        var sources = new DataSources(source("fashion-mnist"), source("mnist"), source("cifar10"), folder.File("cache"));
        return new DatasetLoader(sources, new FileDownloader(http));
    }

    private static string Md5(byte[] content) => Convert.ToHexStringLower(MD5.HashData(content));
}
