using System.Diagnostics;
using Sweep.Orchestrator.Contracts;

namespace Sweep.EndToEnd.Tests.Weights;

/// <summary>A fine-tuning sweep as the shipped specs run one, in seconds: a randomly initialised torchvision
/// ResNet-18 saved by Debian's PyTorch, a fresh head, the stem and first three stages frozen, on a small image folder
/// in the train/ + validation/ layout.</summary>
public sealed class FineTuningSweepTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task FineTuningSweep_OnAnImageFolderWithValidationSplit_CompletesWithFrozenCountsAndNoChanceFlag()
    {
        var work = TestSpecs.NewWorkDirectory("finetune");
        GeneratedImageFolder.Create(Path.Combine(work, "pets"), ["cats", "dogs"], perClass: 24, size: 32,
            splits: ["train", "validation"]);
        var weights = Path.Combine(work, "resnet18-random.pth");
        SaveTorchvisionResNet18(weights);
        var spec = TestSpecs.Write(work, "finetune.yaml", $$"""
            name: e2e-finetune
            seed: 9
            dataset: { name: image-folder, path: pets, image_size: 32, channels: 3, normalize: imagenet }
            model:
              kind: resnet
              depth: 18
              stem: imagenet
              pretrained: {{weights}}
              replace_head: true
              freeze: [conv1, bn1, layer1, layer2, layer3]
            training: { epochs: 1, batch_size: 16, optimizer: sgd, lr: 0.01, warmup_steps: 2, schedule: multistep, milestones: [1] }
            search:
              strategy: ofat
              parameters:
                training.backbone_lr: [0.001]
            """);

        var run = await SweepProgram.RunAsync(work, "run", spec, "--out", "runs", "--slots", "1");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var snapshot = await SweepResults.ReadAsync(SweepResults.SingleSweepDirectory(Path.Combine(work, "runs")));
        Assert.Equal(2, snapshot.Trials.Count);
        Assert.All(snapshot.Trials, trial =>
        {
            Assert.Equal(TrialState.Completed, trial.State);
            var result = trial.Result!;
            // The stem and layer1–3 of torchvision's ResNet-18: all of it but layer4 (8,393,728) and fc (513,000).
            Assert.Equal(11_689_512 - 8_393_728 - 513_000, result.Model!.FrozenParameters);
            Assert.Equal(8_393_728 + 512 * 2 + 2, result.Model.TrainableParameters);
            Assert.Null(result.Sanity!.ExpectedInitialLoss);
            Assert.Null(result.Test);
        });
    }

    private static void SaveTorchvisionResNet18(string path)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; install python3-torchvision");
        using var process = Process.Start(new ProcessStartInfo(Python,
            ["-c", "import sys, torch, torchvision; torch.manual_seed(0); torch.save(torchvision.models.resnet18().state_dict(), sys.argv[1])", path])
        {
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }
}
