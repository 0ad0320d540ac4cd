using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary><c>dataset.classes</c>: train on some of a dataset's classes only, named as the dataset names them and
/// relabelled in the order written (CIFAR-2 is <c>[airplane, bird]</c> of CIFAR-10).</summary>
public static class ClassChoice
{
    /// <summary>The class names a kind of dataset always has; null for image folders, whose names are their
    /// folders'.</summary>
    public static IReadOnlyList<string>? KnownNames(DatasetKind kind) => kind switch
    {
        DatasetKind.FashionMnist => DatasetLoader.FashionMnistClasses,
        DatasetKind.Mnist => DatasetLoader.MnistClasses,
        DatasetKind.Cifar10 => CifarReader.DefaultClassNames,
        _ => null,
    };

    /// <summary>What is wrong with the chosen names, or null when they can be trained on.</summary>
    public static string? Problem(IReadOnlyList<string> chosen, IReadOnlyList<string> available)
    {
        if (chosen.FirstOrDefault(name => !available.Contains(name, StringComparer.Ordinal)) is { } unknown)
            return $"unknown class '{unknown}'; expected names from: {string.Join(", ", available)}";
        if (chosen.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
            return $"expected each class once, found '{twice.Key}' twice";
        // One class makes every prediction right: training "succeeds" and reports 100 % accuracy.
        return chosen.Count == 1 ? $"expected at least two classes, found only '{chosen[0]}'" : null;
    }

    public static RawDataset Apply(RawDataset raw, IReadOnlyList<string> chosen, string specFile)
    {
        if (chosen.Count == 0)
            return raw;
        var available = raw.Train.ClassNames;
        if (Problem(chosen, available) is { } problem)
            throw new SpecException(specFile, null, "dataset.classes", problem);
        return raw.WithClasses([.. chosen.Select(name => available.ToList().IndexOf(name))]);
    }
}
