using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Finds a dataset's files (spec path, data directory, system folders, download cache), downloads them
/// when allowed and missing, and reads them.</summary>
public sealed class DatasetLoader(DataSources sources, FileDownloader downloader)
{
    public static readonly IReadOnlyList<string> FashionMnistClasses =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static readonly IReadOnlyList<string> MnistClasses =
        Enumerable.Range(0, 10).Select(digit => digit.ToString()).ToList();

    public RawDataset Load(DatasetSpec spec, string? dataDir, string specFile)
    {
        var specPath = SpecFile.Resolve(spec.Path, specFile);
        return spec.Name switch
        {
            DatasetKind.FashionMnist => LoadIdx(sources.FashionMnist, FashionMnistClasses, specPath, dataDir, spec.Download),
            DatasetKind.Mnist => LoadIdx(sources.Mnist, MnistClasses, specPath, dataDir, spec.Download),
            DatasetKind.Cifar10 => LoadCifar(specPath, dataDir, spec.Download),
            DatasetKind.ImageFolder => LoadImageFolder(spec, specFile),
            _ => throw new SpecException(specFile, null, "dataset.name", $"expected a known dataset, found {spec.Name}"),
        };
    }

    private RawDataset LoadIdx(DataSource source, IReadOnlyList<string> classes, string? specPath, string? dataDir,
        bool download)
    {
        var files = Locate(source, specPath, dataDir, download, IdxFiles.Find, "IDX files " + string.Join(", ", IdxFiles.Stems),
            target => source.Files.ToList().ForEach(file => downloader.Download(source.Mirror, file, target)));
        var train = IdxReader.Read(files.TrainImages, files.TrainLabels, classes);
        var test = IdxReader.Read(files.TestImages, files.TestLabels, classes);
        // A model is built for one input size; test images of another would only fail after training.
        if ((test.Height, test.Width) != (train.Height, train.Width))
            throw new DataFileException(files.TestImages,
                $"expected {train.Height}×{train.Width} images like those of {files.TrainImages}, found {test.Height}×{test.Width}");
        return new RawDataset(train, test, files.TrainImages, files.TestImages);
    }

    private RawDataset LoadCifar(string? specPath, string? dataDir, bool download)
    {
        var source = sources.Cifar10;
        var files = Locate(source, specPath, dataDir, download, CifarFiles.Find,
            "CIFAR-10 binary batches data_batch_1..5.bin and test_batch.bin",
            target =>
            {
                foreach (var file in source.Files)
                {
                    var archive = downloader.Download(source.Mirror, file, target);
                    CifarFiles.Extract(archive, target);
                    File.Delete(archive);
                }
            });
        return new RawDataset(CifarReader.Read(files.TrainBatches, files.Meta), CifarReader.Read([files.TestBatch], files.Meta),
            Path.GetDirectoryName(files.TestBatch)!, files.TestBatch);
    }

    private static RawDataset LoadImageFolder(DatasetSpec spec, string specFile)
    {
        var layout = ImageFolderLayout.OfSpec(spec, specFile) ?? throw new SpecException(specFile, null, "dataset.path",
            "expected the image folder (train/ with validation/ or test/, or one folder per class) for image-folder, found none");
        var classes = ImageFolderReader.ClassNamesOf(layout.Train);
        var channels = spec.Channels ?? 3;
        ImageSet Read(string folder, bool keepWhole = false) =>
            ImageFolderReader.Read(folder, classes, spec.ImageSize, channels, keepWhole);
        var train = Read(layout.Train, WholeImage.AreKeptFor(spec));
        var validation = layout.Validation is { } validationFolder ? Read(validationFolder) : null;
        var test = layout.Test is { } testFolder ? Read(testFolder)
            : layout.HoldsOutTest ? null
            : train with { Pixels = [], Labels = [], Whole = null };
        return new RawDataset(train, test, layout.Train, layout.Test ?? layout.Train, validation);
    }

    private T Locate<T>(DataSource source, string? specPath, string? dataDir, bool download, Func<string, T?> find,
        string expected, Action<string> fetchInto) where T : class
    {
        var candidates = DatasetFolders.Candidates(specPath, dataDir, source, sources.DownloadRoot);
        var found = candidates.Select(find).FirstOrDefault(files => files is not null);
        if (found is not null)
            return found;
        if (!download)
            throw new DataFileException(source.FolderName,
                $"expected {expected}, found them in none of {string.Join(", ", candidates)}; set dataset.path, pass --data-dir or set dataset.download: true");
        var target = DatasetFolders.DownloadTarget(specPath, dataDir, source, sources.DownloadRoot);
        fetchInto(target);
        return find(target) ?? throw new DataFileException(target, $"expected {expected} after downloading, found them missing");
    }
}
