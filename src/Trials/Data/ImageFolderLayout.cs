using Sweep.Trials.Specs;

namespace Sweep.Trials.Data;

/// <summary>Which folders of an image-folder dataset hold which split. Three layouts are read as people have them:
/// <c>train/</c> with <c>validation/</c> (or <c>val/</c>) and optionally <c>test/</c>, as cats_and_dogs_filtered
/// ships, where every split is the folder's; <c>train/</c> with <c>test/</c>, where validation is held out of
/// train by the split seed; and class folders directly under the root (flower_photos), where test and validation
/// are both held out by the split seed.</summary>
/// <param name="Validation">Null when validation is held out of the training images.</param>
/// <param name="Test">Null when the test images are held out of the training images, or when a layout with a
/// validation folder has no test folder (then <see cref="HoldsOutTest"/> is false and there is no test split).</param>
public sealed record ImageFolderLayout(string Train, string? Validation, string? Test, bool HoldsOutTest)
{
    public static readonly IReadOnlyList<string> ValidationNames = ["validation", "val"];

    public static ImageFolderLayout Of(string root)
    {
        if (!Directory.Exists(root))
            throw new DataFileException(root, "expected an image folder (train/ with validation/ or test/, or one folder per class), found no such folder");
        var train = Path.Combine(root, "train");
        var test = Path.Combine(root, "test");
        if (!Directory.Exists(train))
            return Directory.Exists(test) || ValidationNames.Any(name => Directory.Exists(Path.Combine(root, name)))
                ? throw new DataFileException(train, "expected the training split's folder beside test/ or validation/, found none")
                : new ImageFolderLayout(root, null, null, HoldsOutTest: true);
        var validation = ValidationNames.Select(name => Path.Combine(root, name)).FirstOrDefault(Directory.Exists);
        if (validation is null && !Directory.Exists(test))
            throw new DataFileException(root,
                "expected test/ or validation/ (or val/) beside train/, found neither");
        return new ImageFolderLayout(train, validation, Directory.Exists(test) ? test : null, HoldsOutTest: false);
    }

    /// <summary>The layout of a spec's image folder; null for other datasets or when dataset.path is unset.</summary>
    public static ImageFolderLayout? OfSpec(DatasetSpec spec, string specFile) =>
        spec.Name == DatasetKind.ImageFolder && SpecFile.Resolve(spec.Path, specFile) is { } root
            ? Of(root)
            : null;

    /// <summary>The split fractions this layout never reads, each with why: a split a folder defines is not held
    /// out of train/, so a fraction written for it would be ignored.</summary>
    public IEnumerable<(string Field, string Problem)> UnreadFractions()
    {
        if (Validation is not null)
            yield return ("dataset.validation_fraction",
                $"expected no validation_fraction for an image folder with {Path.GetFileName(Validation)}/ beside train/, "
                + $"which is its validation split ({Validation}); nothing is held out of train/");
        if (!HoldsOutTest)
            yield return ("dataset.test_fraction", Test is not null
                ? $"expected no test_fraction for an image folder with test/ beside train/, which is its test split ({Test}); nothing is held out of train/"
                : $"expected no test_fraction for an image folder with train/ and {Path.GetFileName(Validation)}/ but no test/, "
                  + "which has no test split; add test/ or leave the field out");
    }
}
