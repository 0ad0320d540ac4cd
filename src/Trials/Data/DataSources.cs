namespace Sweep.Trials.Data;

/// <summary>A file a mirror serves and the MD5 its publisher gives for it.</summary>
public sealed record RemoteFile(string Name, string Md5);

/// <summary>Where one dataset can be found: folders installed by the system (searched before downloading) and the
/// mirror with the published checksums of its files.</summary>
/// <param name="FolderName">Subfolder of a data directory that holds this dataset.</param>
public sealed record DataSource(string FolderName, Uri Mirror, IReadOnlyList<RemoteFile> Files,
    IReadOnlyList<string> SystemFolders);

/// <summary>Everything about where datasets come from that a test needs to replace: mirrors, checksums, system
/// folders and the folder downloads go to when the spec names none.</summary>
public sealed record DataSources(DataSource FashionMnist, DataSource Mnist, DataSource Cifar10, string DownloadRoot)
{
    /// <summary>The publishers' mirrors and MD5s (Fashion-MNIST's README, torchvision, the CIFAR page). Debian's
    /// dataset-fashion-mnist recompressed its .gz files (new gzip headers), so their MD5s differ from these; files
    /// already on disk are therefore validated by reading them, and only downloads are checked against MD5s.</summary>
    public static DataSources Standard { get; } = new(
        new DataSource("fashion-mnist", new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            [
                new("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                new("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
                new("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
                new("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"),
            ],
            ["/usr/share/datasets/fashion-mnist"]),
        new DataSource("mnist", new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            [
                new("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                new("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
                new("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
                new("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"),
            ],
            []),
        new DataSource("cifar10", new Uri("https://www.cs.toronto.edu/~kriz/"),
            [new("cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530")],
            []),
        DefaultDownloadRoot());

    private static string DefaultDownloadRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "sweep", "datasets");
    }
}
