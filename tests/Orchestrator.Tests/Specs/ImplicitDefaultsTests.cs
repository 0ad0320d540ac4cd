using Sweep.Orchestrator.Specs;
using Sweep.Orchestrator.Tests.TestKit;

namespace Sweep.Orchestrator.Tests.Specs;

public class ImplicitDefaultsTests
{
    private static IReadOnlyList<string> Notes(string text) =>
        ImplicitDefaults.Of(new SpecLoader().Read(text, "/specs/mine.yaml"));

    [Fact]
    public void ASpecWithoutADatasetSection_IsToldWhichDataItTrainsOn() =>
        Assert.Equal(["/specs/mine.yaml: no dataset section, so the trials train on fashion-mnist (write one to choose)"],
            Notes("name: mine\ntraining: { epochs: 1 }\n"));

    [Fact]
    public void ASpecThatNamesItsData_OrTrainsNoNetwork_HearsNothing()
    {
        Assert.Empty(Notes("name: mine\ndataset: { name: mnist }\n"));
        Assert.Empty(Notes(SyntheticSpecs.Ofat()));
    }
}
