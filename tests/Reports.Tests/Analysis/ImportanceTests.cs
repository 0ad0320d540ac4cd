using System.Globalization;
using Sweep.Reports.Analysis;
using Sweep.Reports.Model;
using Sweep.Reports.Samples;
using static Sweep.Reports.Tests.Analysis.Trials;

namespace Sweep.Reports.Tests.Analysis;

/// <summary>fANOVA shares on synthetic random searches whose truth is known.</summary>
public class ImportanceTests
{
    /// <summary>A share the objective does not earn stays below this.</summary>
    private const double IgnoredTolerance = 0.05;
    /// <summary>Two parameters with equal effects get shares at most this far apart.</summary>
    private const double EqualTolerance = 0.10;

    private static SweepInfo Sweep(string strategy, params string[] paths) => new("id", "n", strategy, "d", "val_accuracy", true,
        DateTimeOffset.UnixEpoch, 1, 1, [], "cmd", 1, paths.Select(p => new SearchParameterInfo(p, ParameterDistribution.Values)).ToList(),
        paths.ToDictionary(p => p, _ => "0"), 10, EarlyStoppingInfo.None);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A random search: <paramref name="draw"/> gives each trial's values, <paramref name="objective"/> its score.</summary>
    private static (SweepInfo Sweep, List<TrialInfo> Trials) RandomSearch(string[] paths, int count, int seed,
        Func<Random, string[]> draw, Func<string[], Random, double> objective)
    {
        var random = new Random(seed);
        var trials = Enumerable.Range(0, count).Select(i =>
        {
            var values = draw(random);
            return Make(i, $"random-{i}", objective(values, random), TrialRoles.Random,
                paths.Select((p, k) => Change(p, values[k])).ToArray());
        }).ToList();
        return (Sweep("random", paths), trials);
    }

    private static ImportanceInfo Analyze((SweepInfo Sweep, List<TrialInfo> Trials) search) =>
        Importance.Analyze(search.Sweep, search.Trials, []);

    private static double Share(ImportanceInfo info, string path) => info.Parameters.Single(p => p.Path == path).Share!.Value;

    private static double X(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static double Noise(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string[] Uniforms(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => Text(random.NextDouble())).ToArray();

    [Fact]
    public void IgnoredParameters_GetAlmostNothing_TheOneThatMatters_Dominates()
    {
        var info = Analyze(RandomSearch(["x1", "x2", "x3"], 100, 1, r => Uniforms(r, 3),
            (v, r) => 0.7 + 0.2 * X(v[0]) * X(v[0]) + Noise(r, 0.01)));

        Assert.Equal("x1", info.Parameters[0].Path);
        Assert.True(Share(info, "x1") > 0.8, $"x1 {Share(info, "x1")}");
        Assert.True(Share(info, "x2") < IgnoredTolerance, $"x2 {Share(info, "x2")}");
        Assert.True(Share(info, "x3") < IgnoredTolerance, $"x3 {Share(info, "x3")}");
    }

    [Fact]
    public void EveryValueUnique_SharesAreNotAllFull()
    {
        var info = Analyze(RandomSearch(["x1", "x2", "x3"], 60, 2, r => Uniforms(r, 3),
            (v, r) => 0.5 * X(v[0]) + 0.3 * X(v[1]) + 0.1 * X(v[2]) + Noise(r, 0.01)));

        Assert.All(info.Parameters, p => Assert.Equal(60, p.DistinctValues));
        Assert.All(info.Parameters, p => Assert.True(p.Share < 0.9, $"{p.Path} {p.Share}"));
        Assert.True(info.MainEffectsTotal <= 1 + 1e-9);
        Assert.Equal(["x1", "x2", "x3"], info.Parameters.Select(p => p.Path));
    }

    [Fact]
    public void EqualEffects_GetAboutEqualShares()
    {
        var info = Analyze(RandomSearch(["x1", "x2"], 150, 3, r => Uniforms(r, 2),
            (v, r) => 0.1 * X(v[0]) + 0.1 * X(v[1]) + Noise(r, 0.005)));

        Assert.True(Math.Abs(Share(info, "x1") - Share(info, "x2")) < EqualTolerance, $"{Share(info, "x1")} vs {Share(info, "x2")}");
        Assert.True(Share(info, "x1") > 0.35 && Share(info, "x2") > 0.35);
    }

    [Fact]
    public void LogUniformParameter_IsMeasuredInLogSpace()
    {
        // Equal effects once the learning rate is read in decades, as it was sampled.
        var info = Analyze(RandomSearch(["training.lr", "model.dropout"], 150, 4,
            r => [Text(Math.Pow(10, -5 + 4 * r.NextDouble())), Text(0.5 * r.NextDouble())],
            (v, r) => 0.05 * (Math.Log10(X(v[0])) + 5) / 4 + 0.05 * X(v[1]) / 0.5 + Noise(r, 0.002)));

        Assert.Equal(ParameterScale.Logarithmic, info.Parameters.Single(p => p.Path == "training.lr").Scale);
        Assert.Equal(ParameterScale.Linear, info.Parameters.Single(p => p.Path == "model.dropout").Scale);
        Assert.True(Math.Abs(Share(info, "training.lr") - Share(info, "model.dropout")) < EqualTolerance,
            $"{Share(info, "training.lr")} vs {Share(info, "model.dropout")}");
    }

    [Fact]
    public void CategoricalWithARealEffect_GetsARealShare_IgnoredBooleanNone()
    {
        string[] optimizers = ["adam", "sgd", "adamw"];
        double[] effect = [0, -0.1, 0.02];
        var info = Analyze(RandomSearch(["training.optimizer", "data.augment"], 80, 5,
            r => [optimizers[r.Next(3)], r.Next(2) == 0 ? "true" : "false"],
            (v, r) => 0.8 + effect[Array.IndexOf(optimizers, v[0])] + Noise(r, 0.01)));

        Assert.All(info.Parameters, p => Assert.Equal(ParameterScale.Categories, p.Scale));
        Assert.True(Share(info, "training.optimizer") > 0.8, $"optimizer {Share(info, "training.optimizer")}");
        Assert.True(Share(info, "data.augment") < IgnoredTolerance, $"augment {Share(info, "data.augment")}");
    }

    [Fact]
    public void PureInteraction_HasSmallMainEffects()
    {
        var info = Analyze(RandomSearch(["x1", "x2"], 400, 6, r => Uniforms(r, 2),
            (v, r) => (X(v[0]) - 0.5) * (X(v[1]) - 0.5) + Noise(r, 0.005)));

        Assert.True(Share(info, "x1") < 0.1, $"x1 {Share(info, "x1")}");
        Assert.True(Share(info, "x2") < 0.1, $"x2 {Share(info, "x2")}");
    }

    [Fact]
    public void Shares_NeverSumPastAll_OverManySeeds()
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var weights = new Random(1000 + seed);
            var (a, b, c) = (weights.NextDouble(), weights.NextDouble(), weights.NextDouble());
            var info = Analyze(RandomSearch(["x1", "x2", "opt"], 20 + 4 * seed, seed,
                r => [Text(r.NextDouble()), Text(r.NextDouble()), r.Next(3).ToString(CultureInfo.InvariantCulture)],
                (v, r) => a * X(v[0]) + b * X(v[1]) * X(v[0]) + c * (v[2] == "1" ? 1 : 0) + Noise(r, 0.05)));

            Assert.True(info.MainEffectsTotal <= 1 + 1e-9, $"seed {seed}: {info.MainEffectsTotal}");
            Assert.All(info.Parameters, p => Assert.InRange(p.Share!.Value, 0, 1));
        }
    }

    [Fact]
    public void SameTrials_GiveTheSameShares()
    {
        var search = RandomSearch(["x1", "x2"], 40, 7, r => Uniforms(r, 2), (v, r) => X(v[0]) + Noise(r, 0.1));

        var first = Analyze(search);
        var second = Analyze(search);

        Assert.Equal(first.Parameters.Select(p => p.Share), second.Parameters.Select(p => p.Share));
    }

    [Fact]
    public void NoiselessGrid_ParameterThatDecides_ExplainsAll()
    {
        // 5×4 grid, each configuration once: a alone moves the objective; b can only win a split where a bootstrap
        // happens to tie it to a.
        var trials = new List<TrialInfo>();
        for (var a = 0; a < 5; a++)
            for (var b = 0; b < 4; b++)
                trials.Add(Make(trials.Count, $"{a}{b}", 0.8 + 0.03 * a, TrialRoles.Grid, [Change("a", a.ToString()), Change("b", b.ToString())]));

        var info = Importance.Analyze(Sweep("grid", "a", "b"), trials, []);

        Assert.Equal(ParameterScale.Levels, info.Parameters[0].Scale);
        Assert.True(Share(info, "a") > 1 - IgnoredTolerance, $"a {Share(info, "a")}");
        Assert.True(Share(info, "b") < IgnoredTolerance, $"b {Share(info, "b")}");
    }

    [Fact]
    public void FewerTrialsThanTheMinimum_ShowNoShare()
    {
        var search = RandomSearch(["x1", "x2"], Importance.MinTrials, 8, r => Uniforms(r, 2), (v, _) => X(v[0]));

        var few = Importance.Analyze(search.Sweep, search.Trials.Take(Importance.MinTrials - 1).ToList(), []);
        var enough = Analyze(search);

        Assert.All(few.Parameters, p => Assert.Equal((null, "too few trials"), (p.Share, p.NoShareReason)));
        Assert.Contains(few.Caveats, c => c.Contains($"from {Importance.MinTrials}"));
        Assert.All(enough.Parameters, p => Assert.NotNull(p.Share));
    }

    [Fact]
    public void ParameterWithOneValue_HasNoShareAndACaveat()
    {
        var trials = Enumerable.Range(0, 24).Select(i => Make(i, $"k{i}", 0.8 + i / 1000.0, TrialRoles.Random,
            [Change("a", (i % 3).ToString())])).ToList();

        var info = Importance.Analyze(Sweep("random", "a", "b"), trials, []);

        var b = info.Parameters.Single(p => p.Path == "b");
        Assert.Equal((null, "one value"), (b.Share, b.NoShareReason));
        Assert.Contains(info.Caveats, c => c.Contains("b"));
        Assert.NotNull(info.Parameters.Single(p => p.Path == "a").Share);
    }

    [Fact]
    public void ConstantObjective_HasNoVarianceToShare()
    {
        var info = Analyze(RandomSearch(["x1"], 24, 9, r => Uniforms(r, 1), (_, _) => 0.8));

        Assert.Equal("no variance", info.Parameters[0].NoShareReason);
        Assert.Contains(info.Caveats, c => c.Contains("same objective"));
    }

    [Fact]
    public void OneAtATimeSweep_ShowsEffectsAgainstTheBaseline_NotShares()
    {
        var input = SyntheticReportInput.Ofat();
        var analysis = ReportAnalysis.Of(input, DiagnosisThresholds.Default);

        var info = analysis.Importance;

        Assert.True(info.OneAtATime);
        Assert.Empty(info.Parameters);
        Assert.Equal(input.Sweep.ParameterPaths, info.Effects.Select(e => e.Path));
        var dropout = info.Effects.Single(e => e.Path == "model.dropout");
        Assert.Same(analysis.Effects.Single(e => e.Changes is [{ Path: "model.dropout" }]), dropout.Best);
        var lr = info.Effects.Single(e => e.Path == "training.lr");
        Assert.Equal(2, lr.ValuesTried);
        var lrDeltas = analysis.Effects.Where(e => e.Changes is [{ Path: "training.lr" }]).Select(e => e.DeltaObjective).Append(0).ToList();
        Assert.Equal(lrDeltas.Max() - lrDeltas.Min(), lr.Range!.Value, 12);
    }
}
