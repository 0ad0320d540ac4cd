namespace Sweep.Trials.Data;

/// <summary>The four IDX files of MNIST-style datasets, each accepted gzip-compressed or unpacked.</summary>
internal sealed record IdxFiles(string TrainImages, string TrainLabels, string TestImages, string TestLabels)
{
    public static readonly string[] Stems =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    public static IdxFiles? Find(string folder)
    {
        var found = Stems.Select(stem => Resolve(folder, stem)).ToArray();
        return found.All(file => file is not null) ? new IdxFiles(found[0]!, found[1]!, found[2]!, found[3]!) : null;
    }

    private static string? Resolve(string folder, string stem) =>
        new[] { $"{stem}.gz", stem }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
