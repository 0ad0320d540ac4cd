using Sweep.Trials.Checkpoints;

namespace Sweep.Trials.Tests.Checkpoints;

public class CheckpointFormatTests
{
    private static readonly CheckpointContent Content = new(7, "trial-a", """{"seed":42}""", [1, 2, 3], [4, 5]);

    [Fact]
    public void Decode_ReturnsWhatWasEncoded()
    {
        var decoded = CheckpointFormat.Decode("f.ckpt", CheckpointFormat.Encode(Content));

        Assert.Equal((7, "trial-a", """{"seed":42}"""), (decoded.Epoch, decoded.Trial, decoded.MetadataJson));
        Assert.Equal([1, 2, 3], decoded.ModelState);
        Assert.Equal([4, 5], decoded.OptimizerState);
    }

    [Fact]
    public void Decode_RejectsAnotherKindOfFile()
    {
        var bytes = CheckpointFormat.Encode(Content);
        bytes[0] = (byte)'X';

        var error = Assert.Throws<CheckpointException>(() => CheckpointFormat.Decode("f.ckpt", bytes));

        Assert.Equal("f.ckpt: header: expected a sweep checkpoint (magic SWEEPCK2)", error.Message);
    }

    [Fact]
    public void Decode_NamesAFileOfTheFirstVersionAsUnusable()
    {
        var bytes = CheckpointFormat.Encode(Content);
        bytes[7] = (byte)'1';

        var error = Assert.Throws<CheckpointException>(() => CheckpointFormat.Decode("f.ckpt", bytes));

        Assert.StartsWith("f.ckpt: header: written by an older sweep (SWEEPCK1", error.Message);
    }

    [Fact]
    public void Decode_RejectsTrailingBytes()
    {
        byte[] bytes = [.. CheckpointFormat.Encode(Content), 0];

        var error = Assert.Throws<CheckpointException>(() => CheckpointFormat.Decode("f.ckpt", bytes));

        Assert.Equal("length", error.Field);
        Assert.StartsWith("trailing bytes", error.Problem);
    }
}
