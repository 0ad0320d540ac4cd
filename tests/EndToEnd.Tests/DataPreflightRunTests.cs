using Sweep.Trials.Tests.Data;

namespace Sweep.EndToEnd.Tests;

/// <summary><c>sweep run</c> on broken data: refused in one line before any sweep directory or trial exists.</summary>
public sealed class DataPreflightRunTests
{
    [Fact]
    public async Task BadIdxMagic_IsRefusedBeforeAnyTrial()
    {
        var work = TestSpecs.NewWorkDirectory("badidx");
        var data = Path.Combine(work, "data", "fashion-mnist");
        GeneratedIdxDataset.Write(data);
        var broken = Path.Combine(data, "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(broken, DataFileWriter.Gzip(GeneratedIdxDataset.Images(40, magic: 0x801)));
        var spec = TestSpecs.Write(work, "badidx.yaml", Spec("dataset: { name: fashion-mnist }"));

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1",
            "--data-dir", Path.Combine(work, "data"));

        AssertRefused(run, work, $"{broken}: expected magic number 0x00000803 (IDX images), found 0x00000801");
    }

    [Fact]
    public async Task ASubsetLargerThanTheFiles_IsRefusedBeforeAnyTrial()
    {
        var work = TestSpecs.NewWorkDirectory("bigsubset");
        var data = Path.Combine(work, "data", "fashion-mnist");
        GeneratedIdxDataset.Write(data);
        var spec = TestSpecs.Write(work, "bigsubset.yaml", Spec("dataset: { name: fashion-mnist }", "dataset.train_subset: [100]"));

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1",
            "--data-dir", Path.Combine(work, "data"));

        AssertRefused(run, work, $"{spec}: dataset.train_subset: expected 0 (all) or at most 40 (the images in "
            + $"{Path.Combine(data, "train-images-idx3-ubyte.gz")}), found 100");
    }

    [Fact]
    public async Task ImageFolderWithAnEmptyClass_IsRefusedBeforeAnyTrial()
    {
        var work = TestSpecs.NewWorkDirectory("emptyclass");
        var data = GeneratedImageFolder.Create(Path.Combine(work, "images"), ["dark", "light"], perClass: 4);
        var empty = Directory.CreateDirectory(Path.Combine(data, "train", "medium")).FullName;
        var spec = TestSpecs.Write(work, "emptyclass.yaml",
            Spec($$"""dataset: { name: image-folder, path: "{{data}}", image_size: 16, channels: 1 }"""));

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");

        AssertRefused(run, work, $"{empty}: expected at least one image (.png, .jpg, .jpeg) in each class folder, found an empty folder");
    }

    [Fact]
    public async Task DataOnlyALaterTrialReads_IsCheckedToo()
    {
        var work = TestSpecs.NewWorkDirectory("latertrial");
        var good = GeneratedImageFolder.Create(Path.Combine(work, "good"), ["dark", "light"], perClass: 4);
        var bad = GeneratedImageFolder.Create(Path.Combine(work, "bad"), ["dark", "light"], perClass: 4);
        var cut = Path.Combine(bad, "test", "light", "001.png");
        var whole = await File.ReadAllBytesAsync(cut);
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length / 2)]);
        var spec = TestSpecs.Write(work, "latertrial.yaml", Spec(
            $$"""dataset: { name: image-folder, path: "{{good}}", image_size: 16, channels: 1 }""",
            $$"""dataset.path: ["{{bad}}"]"""));

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");

        AssertRefused(run, work, $"{cut}: expected a complete PNG or JPEG image, found one that ends early (truncated)");
    }

    private static void AssertRefused(ProgramRun run, string work, string message)
    {
        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: {message}", line.TrimEnd('\r'));
        Assert.DoesNotContain("   at ", run.Output);
        Assert.DoesNotContain("   at ", run.Error);
        var runs = Path.Combine(work, "runs");
        Assert.True(!Directory.Exists(runs) || Directory.GetFileSystemEntries(runs).Length == 0,
            $"a sweep directory was created: {string.Join(", ", Directory.Exists(runs) ? Directory.GetFileSystemEntries(runs) : [])}");
    }

    private static string Spec(string dataset, string searched = "training.lr: [0.01]") => $$"""
        name: preflight
        seed: 1
        {{dataset}}
        model: { preset: two-conv, channels: 4, hidden: [8] }
        training: { epochs: 1, batch_size: 16 }
        search:
          strategy: ofat
          parameters:
            {{searched}}
        """;
}
