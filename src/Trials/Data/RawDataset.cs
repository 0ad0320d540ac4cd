namespace Sweep.Trials.Data;

/// <summary>A dataset's splits as read, before subsets, splitting and normalization.</summary>
/// <param name="Test">The test images; null when they are to be held out of <paramref name="Train"/> by the split
/// seed (an image folder of class folders alone). Empty when the dataset has no test split.</param>
/// <param name="Validation">A validation split the files define; null when it is held out of the training images.</param>
/// <param name="TrainSource">Where the training images came from, for messages.</param>
/// <param name="TestSource">Where the test images came from, for messages.</param>
public sealed record RawDataset(ImageSet Train, ImageSet? Test, string TrainSource, string TestSource,
    ImageSet? Validation = null)
{
    /// <summary>The dataset restricted to <paramref name="keep"/> (indices into the class names), relabelled in that
    /// order.</summary>
    public RawDataset WithClasses(IReadOnlyList<int> keep) => this with
    {
        Train = Train.WithClasses(keep),
        Test = Test?.WithClasses(keep),
        Validation = Validation?.WithClasses(keep),
    };
}
