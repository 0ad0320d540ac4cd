namespace Sweep.EndToEnd.Tests;

/// <summary>A spec without a dataset section trains on Fashion-MNIST, and every command that reads it says so.</summary>
public sealed class ImplicitDatasetTests
{
    private const string NoDataset = """
        name: no-dataset
        model: { preset: two-conv, channels: 4, hidden: [8] }
        training: { epochs: 1, batch_size: 16 }
        search:
          strategy: ofat
          parameters:
            training.lr: [0.01]
        """;

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("train")]
    public async Task ASpecWithoutADatasetSection_IsToldItTrainsOnFashionMnist(string command)
    {
        var work = TestSpecs.NewWorkDirectory($"nodata-{command}");
        GeneratedIdxDataset.Write(Path.Combine(work, "data", "fashion-mnist"));
        var spec = TestSpecs.Write(work, "nodata.yaml", NoDataset);
        string[] options = command == "train" ? ["--out", "t", "--threads", "1", "--data-dir", Path.Combine(work, "data")] : [];

        var run = await SweepProgram.RunAsync(work, [command, spec, .. options]);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Contains($"{spec}: no dataset section, so the trials train on fashion-mnist (write one to choose)",
            run.Output.Split('\n').Select(line => line.TrimEnd('\r')));
    }
}
