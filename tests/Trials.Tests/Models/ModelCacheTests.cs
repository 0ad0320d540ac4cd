using Sweep.Trials.Models;
using Sweep.Trials.Specs;

namespace Sweep.Trials.Tests.Models;

public sealed class ModelCacheTests
{
    private static ModelCache From(params (string Name, string Value)[] variables) =>
        ModelCache.FromEnvironment(name => variables.FirstOrDefault(variable => variable.Name == name).Value);

    [Fact]
    public void Folder_SweepModelsWins() =>
        Assert.Equal("/data/models", From(("SWEEP_MODELS", "/data/models"), ("XDG_CACHE_HOME", "/xdg")).Folder);

    [Fact]
    public void Folder_ElseUnderXdgCacheHome() =>
        Assert.Equal("/xdg/sweep/models", From(("XDG_CACHE_HOME", "/xdg")).Folder);

    [Fact]
    public void Folder_ElseUnderTheHomeCache() =>
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sweep", "models"),
            From().Folder);

    [Fact]
    public void Url_IsTorchvisionsUnlessAMirrorIsGiven()
    {
        var resnet18 = PretrainedNames.Find("torchvision:resnet18")!;

        Assert.Equal("https://download.pytorch.org/models/resnet18-f37072fd.pth", From().UrlOf(resnet18).ToString());
        Assert.Equal("http://127.0.0.1:8000/m/resnet18-f37072fd.pth",
            From(("SWEEP_MODELS_URL", "http://127.0.0.1:8000/m")).UrlOf(resnet18).ToString());
    }
}
