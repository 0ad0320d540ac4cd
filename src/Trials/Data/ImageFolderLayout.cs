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
}
