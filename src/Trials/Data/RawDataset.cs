namespace Sweep.Trials.Data;

/// <summary>A dataset's training and test files as read, before subsets, splitting and normalization.</summary>
/// <param name="TrainSource">Where the training images came from, for messages.</param>
/// <param name="TestSource">Where the test images came from, for messages.</param>
public sealed record RawDataset(ImageSet Train, ImageSet Test, string TrainSource, string TestSource);
