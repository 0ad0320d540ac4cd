using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Specs;

namespace Sweep.Orchestrator.Tests.Specs;

/// <summary>Every spec in sweeps/ passes the checks `sweep validate` makes, so none a user starts from is broken.</summary>
public class ShippedSpecsTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SweepsFolder(), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void ShippedSpec_IsValidAndPlansTrials(string fileName)
    {
        var loader = new SpecLoader();
        var spec = loader.ReadFile(Path.Combine(SweepsFolder(), fileName));
        var plan = SweepPlanner.InitialPlan(spec);

        ModelCheck.ValidatePlan(loader, spec, plan);

        Assert.NotEmpty(plan);
    }

    [Fact]
    public void TransferLearningSpecs_AreShipped() =>
        Assert.Superset(new HashSet<string> { "resnet18-fashion-finetune.yaml", "cats-vs-dogs.yaml", "flowers.yaml", "cifar2-regularization.yaml" },
            Directory.GetFiles(SweepsFolder(), "*.yaml").Select(Path.GetFileName).OfType<string>().ToHashSet());

    private static string SweepsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Sweep.sln")))
                return Path.Combine(folder.FullName, "sweeps");
        throw new DirectoryNotFoundException($"no Sweep.sln above {AppContext.BaseDirectory}");
    }
}
