namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>Command lines that name the wrong thing: refused before anything is created.</summary>
public sealed class ArgumentTests : IDisposable
{
    private readonly string work = TestSpecs.NewWorkDirectory("hostile-args");

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Train_DataDirThatDoesNotExist_IsRefusedBeforeAnythingIsMade()
    {
        var spec = TestSpecs.Write(work, "train.yaml", TestSpecs.Ofat("hostile-train"));
        var missing = Path.Combine(work, "no-data");
        var before = FolderContents.Of(work);

        var run = await SweepProgram.RunAsync(work, "train", spec, "--data-dir", missing);

        Assert.Equal($"--data-dir {missing}: expected an existing directory, found none", Refusals.AssertOneLine(run));
        Assert.Equal(before, FolderContents.Of(work));
    }

    [Theory]
    [InlineData("train", "", "for --out")]
    [InlineData("train", "sub", "for --out")]
    [InlineData("run", "", "for the sweep (--out)")]
    [InlineData("run", "sub", "for the sweep (--out)")]
    public async Task OutThatIsAFileOrUnderOne_IsRefusedNamingThePath(string command, string below, string purpose)
    {
        var spec = command == "train"
            ? TestSpecs.Write(work, "train.yaml", TestSpecs.Ofat("hostile-train"))
            : TestSpecs.Write(work, "grid.yaml", SyntheticSweep.Grid());
        var file = TestSpecs.Write(work, "a-file", "not a folder");
        var output = below == "" ? file : Path.Combine(file, below);
        var before = FolderContents.Of(work);

        var run = await SweepProgram.RunAsync(work, command, spec, "--out", output);

        var at = below == "" ? "" : $" at {file}";
        Assert.Equal($"{output}: expected a folder {purpose}, found a file{at}", Refusals.AssertOneLine(run));
        Assert.Equal(before, FolderContents.Of(work));
    }

    [Fact]
    public async Task Export_ToAnExistingDirectory_IsRefused()
    {
        var sweep = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));
        var target = Directory.CreateDirectory(Path.Combine(work, "exports")).FullName;
        var before = FolderContents.Of(work);

        var run = await SweepProgram.RunAsync(work, "export", sweep, "--format", "csv", "-o", target);

        Assert.Equal($"{target}: expected a file for -o, found a directory", Refusals.AssertOneLine(run));
        Assert.Equal(before, FolderContents.Of(work));
    }

    [Fact]
    public async Task Export_IntoAFolderThatDoesNotExist_IsRefused()
    {
        var sweep = await SyntheticSweep.RunFinishedAsync(work, Path.Combine(work, "runs"));
        var folder = Path.Combine(work, "no-folder");
        var before = FolderContents.Of(work);

        var run = await SweepProgram.RunAsync(work, "export", sweep, "-o", Path.Combine(folder, "trials.csv"));

        Assert.Equal($"{Path.Combine(folder, "trials.csv")}: expected a file for -o in an existing folder, found no folder {folder}",
            Refusals.AssertOneLine(run));
        Assert.Equal(before, FolderContents.Of(work));
    }
}
