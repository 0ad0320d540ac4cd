using Sweep.Trials.Models;
using Sweep.Trials.Specs;
using Sweep.Trials.Training;
using static Sweep.Trials.Tests.Training.TrialRunnerTestKit;
using static TorchSharp.torch;

namespace Sweep.Trials.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrialRunnerTransferTests : RunDirectoryTests
{
    [Fact]
    public void PretrainedWithOnlyTheNewHeadTrainable_LeavesEveryOtherParameterAsSaved()
    {
        var source = Tiny(seed: 41, epochs: 1);
        var sourceDirectory = RunDirectory("source");
        Train(source, runDirectory: sourceDirectory);
        var pretrained = Path.Combine(sourceDirectory, "best-model.pt");
        var transfer = Tiny(seed: 42, epochs: 1) with
        {
            Model = source.Model with { Pretrained = pretrained, Trainable = [ModelPlan.OutputLayerName], ReplaceHead = true },
        };
        var transferDirectory = RunDirectory("transfer");

        var result = Train(transfer, runDirectory: transferDirectory);

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        using var before = Load(source.Model, pretrained);
        using var after = Load(source.Model, Path.Combine(transferDirectory, "best-model.pt"));
        var afterParameters = after.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in before.named_parameters())
        {
            var unchanged = Tests.Models.ModelTestKit.Identical(parameter, afterParameters[name]);
            Assert.True(unchanged != name.StartsWith(ModelPlan.OutputLayerName + ".", StringComparison.Ordinal), name);
        }
        var summary = Assert.IsType<ModelSummary>(result.Model);
        const long headParameters = 16 * 10 + 10;
        Assert.Equal(headParameters, summary.TrainableParameters);
        Assert.Equal(before.parameters().Sum(p => p.numel()) - headParameters, summary.FrozenParameters);
    }

    private static nn.Module<Tensor, Tensor> Load(ModelSpec spec, string path)
    {
        var module = ModelBuilder.Build(ModelPlanner.Plan(spec, 1, 28, 28, 10, SpecPath), new Generator(1));
        module.load(path);
        return module;
    }
}
