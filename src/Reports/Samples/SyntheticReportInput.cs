using Sweep.Reports.Analysis;
using Sweep.Reports.Model;

namespace Sweep.Reports.Samples;

/// <summary>Realistic report inputs with known stories, shared by the report's tests, the end-to-end tests and the
/// benchmark. Deterministic for a given seed.</summary>
public static class SyntheticReportInput
{
    public static readonly IReadOnlyList<string> FashionClasses =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>An OFAT sweep with two seeds per configuration: baseline, dropout (helps, cuts the gap), wider model
    /// (overfits), lr 0.1 (one repeat diverges, one oscillates), lr 1e-4 (underfits), weight decay (one repeat still
    /// running), and a dropout + weight-decay pair for the interaction check. 14 trials.</summary>
    public static ReportInput Ofat(string name = "fashion-mnist OFAT", IReadOnlyList<string>? classNames = null)
    {
        var classes = classNames ?? FashionClasses;
        var baseline = new Dictionary<string, string>
        {
            ["model.dropout"] = "0", ["model.channels"] = "32", ["training.lr"] = "0.001", ["training.weight_decay"] = "0",
        };
        var trials = new List<TrialInfo>();
        void Add(string role, ChangeInfo[] changes, CurveShape shape, string state = TrialStates.Completed, int? upToEpoch = null)
        {
            var key = changes.Length == 0 ? "baseline" : string.Join("+", changes.Select(c => $"{c.Path}={c.Value}"));
            var repeat = trials.Count(t => t.ConfigKey == key);
            var index = trials.Count;
            var epochs = SyntheticCurves.Generate(shape, seed: 1000 + index);
            if (upToEpoch is { } last) epochs = epochs.Take(last).ToList();
            trials.Add(Trial(index, state, role, changes, repeat, key, round: 0, epochs, classes, seed: 17 + repeat, plannedEpochs: 15));
        }
        ChangeInfo Change(string path, string value) => new(path, value, baseline[path]);

        var dropout = Change("model.dropout", "0.5");
        var weightDecay = Change("training.weight_decay", "0.0005");
        for (var r = 0; r < 2; r++) Add(TrialRoles.Baseline, [], new CurveShape(15, 0.05, 0.045 + 0.004 * r, Noise: 0.01));
        for (var r = 0; r < 2; r++) Add(TrialRoles.SingleChange, [dropout], new CurveShape(15, 0.07, 0.015 + 0.003 * r, Noise: 0.01));
        for (var r = 0; r < 2; r++) Add(TrialRoles.SingleChange, [Change("model.channels", "128")], new CurveShape(15, 0.015, 0.10 + 0.01 * r, OverfitOnset: 6, Noise: 0.01));
        Add(TrialRoles.SingleChange, [Change("training.lr", "0.1")], new CurveShape(15, 0.3, 0.02, DivergeAt: 4), TrialStates.Diverged);
        Add(TrialRoles.SingleChange, [Change("training.lr", "0.1")], new CurveShape(15, 0.2, 0.03, Oscillate: true, Noise: 0.02));
        for (var r = 0; r < 2; r++) Add(TrialRoles.SingleChange, [Change("training.lr", "0.0001")], new CurveShape(15, 0.19 + 0.01 * r, 0.01, Noise: 0.01));
        Add(TrialRoles.SingleChange, [weightDecay], new CurveShape(15, 0.055, 0.03, Noise: 0.01));
        Add(TrialRoles.SingleChange, [weightDecay], new CurveShape(15, 0.055, 0.03, Noise: 0.01), TrialStates.Running, upToEpoch: 4);
        for (var r = 0; r < 2; r++) Add(TrialRoles.Interaction, [dropout, weightDecay], new CurveShape(15, 0.072, 0.012, Noise: 0.01));

        var sweep = Sweep(name, "ofat", repeats: 2, baseline, classes.Count, trials);
        return new ReportInput(sweep, FinishedInTurn(trials));
    }

    /// <summary>A random search of <paramref name="trialCount"/> trials over five parameters, for scale.</summary>
    public static ReportInput Large(int trialCount, int epochs, int seed = 7)
    {
        var random = new Random(seed);
        var choices = new Dictionary<string, string[]>
        {
            ["model.channels"] = ["16", "32", "64", "128"],
            ["training.optimizer"] = ["adam", "sgd", "adamw"],
            ["training.batch_size"] = ["32", "64", "128", "256"],
        };
        var parameters = new List<SearchParameterInfo>
        {
            new("training.lr", ParameterDistribution.LogUniform, 1e-4, 3e-2),
            new("model.dropout", ParameterDistribution.Uniform, 0, 0.5),
        };
        parameters.AddRange(choices.Keys.Select(path => new SearchParameterInfo(path, ParameterDistribution.Choice)));
        var baseline = new Dictionary<string, string>
        {
            ["training.lr"] = "0.001", ["model.dropout"] = "0", ["model.channels"] = "64", ["training.optimizer"] = "adam",
            ["training.batch_size"] = "128",
        };
        // As the random strategy writes a drawn value: round-trip precision.
        string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var trials = new List<TrialInfo>(trialCount);
        for (var index = 0; index < trialCount; index++)
        {
            var lr = Math.Pow(10, -4 + random.NextDouble() * Math.Log10(300));
            var dropout = 0.5 * random.NextDouble();
            var picked = choices.ToDictionary(p => p.Key, p => p.Value[random.Next(p.Value.Length)]);
            var width = int.Parse(picked["model.channels"], System.Globalization.CultureInfo.InvariantCulture);
            var changes = new[] { new ChangeInfo("training.lr", Format(lr), baseline["training.lr"]),
                    new ChangeInfo("model.dropout", Format(dropout), baseline["model.dropout"]) }
                .Concat(picked.Select(p => new ChangeInfo(p.Key, p.Value, baseline[p.Key]))).ToArray();
            var trainError = Math.Clamp(0.02 + 0.002 * Math.Abs(Math.Log10(lr / 0.001)) * 20 + 0.04 * dropout + 0.4 / width, 0.01, 0.5);
            var gap = Math.Clamp(0.01 + width / 1000.0 - 0.05 * dropout, 0, 0.3);
            var shape = new CurveShape(epochs, trainError, gap, OverfitOnset: gap > 0.08 ? epochs / 3 : null, Noise: 0.015,
                DivergeAt: lr >= 0.015 && random.NextDouble() < 0.3 ? Math.Min(5, epochs) : null);
            var curve = SyntheticCurves.Generate(shape, seed + index);
            var state = shape.DivergeAt.HasValue ? TrialStates.Diverged : index >= trialCount - 4 ? TrialStates.Running : TrialStates.Completed;
            trials.Add(Trial(index, state, TrialRoles.Random, changes, 0, $"random-{index}", 0, curve, FashionClasses, seed + index, epochs));
        }
        var sweep = Sweep($"random search, {trialCount} trials", "random", 1, baseline, FashionClasses.Count, trials, parameters);
        return new ReportInput(sweep, FinishedInTurn(trials));
    }

    private static SweepInfo Sweep(string name, string strategy, int repeats, IReadOnlyDictionary<string, string> baseline,
        int classes, IReadOnlyList<TrialInfo> trials, IReadOnlyList<SearchParameterInfo>? parameters = null) =>
        new(Id: "sw-20261102-0930", Name: name, Strategy: strategy, Dataset: "fashion-mnist", ObjectiveMetric: "val_accuracy",
            Maximize: true, CreatedAt: Created, WallSeconds: trials.Sum(t => t.Seconds) / 2.2, ComputeSeconds: trials.Sum(t => t.Seconds),
            Hosts: ["worker-a", "worker-b"], ReproduceCommand: "sweep run sweeps/fashion.yaml --resume sw-20261102-0930",
            Repeats: repeats,
            Parameters: parameters ?? baseline.Keys.Select(path => new SearchParameterInfo(path, ParameterDistribution.Values)).ToList(),
            BaselineValues: baseline, ClassCount: classes, EarlyStopping: EarlyStoppingInfo.None);

    /// <summary>Two workers taking trials in index order: each finished trial gets the time it would have ended.</summary>
    private static IReadOnlyList<TrialInfo> FinishedInTurn(IReadOnlyList<TrialInfo> trials)
    {
        var workers = new double[2];
        return trials.Select(trial =>
        {
            var worker = workers[0] <= workers[1] ? 0 : 1;
            workers[worker] += trial.Seconds;
            return TrialProgress.IsUnfinished(trial) ? trial : trial with { FinishedAt = Created.AddSeconds(workers[worker]) };
        }).ToList();
    }

    private static TrialInfo Trial(int index, string state, string role, IReadOnlyList<ChangeInfo> changes, int repeat, string key,
        int round, IReadOnlyList<EpochInfo> epochs, IReadOnlyList<string> classes, long seed, int plannedEpochs)
    {
        var finished = state is TrialStates.Completed;
        var finite = epochs.Where(e => double.IsFinite(e.ValLoss)).ToList();
        var best = finite.Count > 0 ? finite.MinBy(e => e.ValLoss) : null;
        var objective = state is TrialStates.Completed or TrialStates.Diverged && best is not null ? best.ValAccuracy : (double?)null;
        var sanity = new SanityInfo(Math.Log(classes.Count) * (1 + 0.03 * (index % 3)), Math.Log(classes.Count),
            index == 6 ? 0.31 : 0.1 + 0.01 * (index % 4), 1.0 / classes.Count, index % 5 == 0 ? true : null);
        return new TrialInfo(index, state, role, changes, repeat, seed, key, round, epochs, best?.Epoch, objective,
            finished && best is not null ? Test(best.ValAccuracy, classes, index) : null, sanity,
            TrainableParameters: 421_642 + 10_000 * changes.Count, Seconds: epochs.Sum(e => e.Seconds), Message: state == TrialStates.Diverged ? "loss became NaN" : null,
            StoppedAtEpoch: null, Host: index % 2 == 0 ? "worker-a" : "worker-b", PlannedEpochs: plannedEpochs,
            Decisions: epochs.Select(e => new StopDecisionInfo(e.Epoch, StopActions.Continue, "early stopping is off")).ToList());
    }

    private static TestInfo Test(double accuracy, IReadOnlyList<string> classes, int seed)
    {
        var random = new Random(seed);
        var n = classes.Count;
        var matrix = new int[n][];
        for (var row = 0; row < n; row++)
        {
            matrix[row] = new int[n];
            var correct = (int)(1000 * Math.Clamp(accuracy + (row == 6 ? -0.2 : 0.02) + 0.02 * (random.NextDouble() - 0.5), 0, 1));
            matrix[row][row] = correct;
            for (var wrong = 1000 - correct; wrong > 0; wrong--) matrix[row][(row + 1 + random.Next(n - 1)) % n]++;
        }
        var perClass = Enumerable.Range(0, n).Select(c =>
        {
            var predicted = matrix.Sum(r => r[c]);
            var precision = predicted == 0 ? 0 : matrix[c][c] / (double)predicted;
            var recall = matrix[c][c] / 1000.0;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScore(classes[c], precision, recall, f1, 1000);
        }).ToList();
        var images = Enumerable.Range(0, 24).Select(i => Image(i, i % n, (i + 3) % n, random)).ToList();
        return new TestInfo(Enumerable.Range(0, n).Sum(c => matrix[c][c]) / (1000.0 * n),
            perClass.Average(c => c.F1), classes, perClass, matrix, images);
    }

    /// <summary>A 28×28 blob whose position depends on the class, so the grid is visibly varied.</summary>
    private static ImageInfo Image(int index, int trueClass, int predicted, Random random)
    {
        var pixels = new byte[28 * 28];
        var centreX = 8 + trueClass % 5 * 3;
        var centreY = 8 + trueClass / 5 * 10;
        for (var y = 0; y < 28; y++)
            for (var x = 0; x < 28; x++)
            {
                var distance = Math.Sqrt((x - centreX) * (x - centreX) + (y - centreY) * (y - centreY));
                pixels[y * 28 + x] = (byte)Math.Clamp(255 - 22 * distance + random.Next(30), 0, 255);
            }
        return new ImageInfo(index, trueClass, predicted, 1, 28, 28, pixels);
    }
}
