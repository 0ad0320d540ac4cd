using System.Text.Json;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Search;
using Sweep.Orchestrator.Storage;
using Sweep.Trials.Training;
using static Sweep.Orchestrator.Tests.Storage.StoreTestData;

namespace Sweep.Orchestrator.Tests.Storage;

public sealed class TrialTableExporterTests
{
    private static readonly Dictionary<string, string> BaselineValues = new()
    {
        ["training.lr"] = "0.001",
        ["model.hidden"] = "[128]",
    };

    private static readonly RunEnvironment Cpu = new("0.107.0", "2.10.0", "cpu", 2, "host-a");

    private static readonly TrialRecord Baseline = Trial(Plan(0), TrialState.Completed, "done, \"ok\"",
        new TrialResult(TrialOutcome.Completed, [Metrics(1, 0.6, 0.7, 0.5, 0.8), Metrics(2, 0.3, 0.9, 0.4, 0.85)],
            BestEpoch: 2, BestObjective: 0.85, Test: new TestMetrics(0.84, 0.83, 0.45, [], [], [], []), Sanity: null,
            Model: null, Environment: Cpu, Seconds: 12.5, StoppedAtEpoch: null, Message: "result message"));

    private static readonly TrialRecord HighRate = Trial(Plan(1, new ParameterChange("training.lr", "0.01", "0.001")),
        TrialState.Diverged, null,
        new TrialResult(TrialOutcome.Diverged, [Metrics(1, 2.3, 0.1, 2.31, 0.1), Metrics(2, double.NaN, 0.1, double.NaN, 0.1)],
            BestEpoch: 1, BestObjective: double.NaN, Test: null, Sanity: null, Model: null, Environment: Cpu,
            Seconds: 3.25, StoppedAtEpoch: 2, Message: "diverged at epoch 2"));

    private static readonly TrialRecord WiderHead =
        Trial(Plan(2, new ParameterChange("model.hidden", "[128, 64]", "[128]")), TrialState.Running, null, null);

    private static readonly TrialRecord Sgd =
        Trial(Plan(3, new ParameterChange("training.optimizer", "sgd", "adam")), TrialState.Pending, null, null);

    [Fact]
    public void Build_TakesTheTrialsOwnValueOrTheBaselinesAndTheBestEpochsMetrics()
    {
        var table = TrialTableExporter.Build([Sgd, HighRate, Baseline, WiderHead], BaselineValues);

        Assert.Equal(["training.lr", "model.hidden", "training.optimizer"], table.ParameterPaths);
        Assert.Equal([0, 1, 2, 3], table.Rows.Select(row => row.Number));
        var baseline = table.Rows[0];
        Assert.Equal(("0.001", "[128]", ""), (baseline.Parameters["training.lr"], baseline.Parameters["model.hidden"],
            baseline.Parameters["training.optimizer"]));
        Assert.Equal((2, 0.85, 0.4, 0.85, 0.3, 0.9), (baseline.BestEpoch!.Value, baseline.Objective!.Value,
            baseline.ValLoss!.Value, baseline.ValAccuracy!.Value, baseline.TrainLoss!.Value, baseline.TrainAccuracy!.Value));
        Assert.Equal((0.84, 0.83, 2, 12.5), (baseline.TestAccuracy!.Value, baseline.MacroF1!.Value, baseline.EpochsRun,
            baseline.DurationSeconds!.Value));
        Assert.Equal("done, \"ok\"", baseline.Message);
        Assert.Equal("0.01", table.Rows[1].Parameters["training.lr"]);
        Assert.Equal("diverged at epoch 2", table.Rows[1].Message);
        Assert.Equal("sgd", table.Rows[3].Parameters["training.optimizer"]);
        Assert.Null(table.Rows[2].BestEpoch);
        Assert.Equal(0, table.Rows[2].EpochsRun);
    }

    [Fact]
    public void WriteCsv_QuotesPerRfc4180_AndLeavesMissingValuesEmpty()
    {
        var writer = new StringWriter();

        TrialTableExporter.WriteCsv(writer, [Baseline, HighRate, WiderHead, Sgd], BaselineValues,
            [Epoch(0, 1, "w0/11/slot0/a"), Epoch(0, 2, "w1/12/slot0/b"), Epoch(1, 1, "w0/11/slot0/c"), Epoch(1, 2, "w0/11/slot0/c")]);

        string[] expected =
        [
            "number,state,role,change,repeat,seed,params_training.lr,params_model.hidden,params_training.optimizer,best_epoch,"
                + "objective,val_loss,val_accuracy,train_loss,train_accuracy,train_eval_loss,train_eval_accuracy,test_accuracy,macro_f1,epochs_run,"
                + "duration_seconds,hosts,message",
            "0,Completed,baseline,baseline,0,1000,0.001,[128],,2,0.85,0.4,0.85,0.3,0.9,,,0.84,0.83,2,12.5,w0: 1; w1: 2,\"done, \"\"ok\"\"\"",
            "1,Diverged,single-change,training.lr: 0.001 → 0.01,1,1001,0.01,[128],,1,NaN,2.31,0.1,2.3,0.1,,,,,2,3.25,w0: 1-2,diverged at epoch 2",
            "2,Running,single-change,\"model.hidden: [128] → [128, 64]\",0,1002,0.001,\"[128, 64]\",,,,,,,,,,,,0,,,",
            "3,Pending,single-change,training.optimizer: adam → sgd,1,1003,0.001,[128],sgd,,,,,,,,,,,0,,,",
        ];
        Assert.Equal(string.Join("\r\n", expected) + "\r\n", writer.ToString());
    }

    [Fact]
    public void WriteCsv_QuotesLineBreaksInsideAField()
    {
        var writer = new StringWriter();
        var failed = Sgd with { State = TrialState.Failed, Message = "out of memory\nat epoch 3" };

        TrialTableExporter.WriteCsv(writer, [failed], BaselineValues);

        Assert.EndsWith(",0,,,\"out of memory\nat epoch 3\"\r\n", writer.ToString());
    }

    [Fact]
    public void WriteJson_WritesOneObjectPerTrial_KeyedByTheCsvColumns()
    {
        var writer = new StringWriter();

        TrialTableExporter.WriteJson(writer, [Baseline, HighRate, WiderHead], BaselineValues);

        using var document = JsonDocument.Parse(writer.ToString());
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(22, rows[0].EnumerateObject().Count());
        Assert.Equal(0.84, rows[0].GetProperty("test_accuracy").GetDouble());
        Assert.Equal("Completed", rows[0].GetProperty("state").GetString());
        Assert.Equal("NaN", rows[1].GetProperty("objective").GetString());
        Assert.Equal([128, 64], rows[2].GetProperty("params_model.hidden").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(0.001, rows[2].GetProperty("params_training.lr").GetDouble());
        Assert.Equal("model.hidden: [128] → [128, 64]", rows[2].GetProperty("change").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("best_epoch").ValueKind);
        Assert.Equal(0, rows[2].GetProperty("epochs_run").GetInt32());
    }

    [Fact]
    public void WriteJson_TypesParametersAsTheSpecWritesThem()
    {
        var writer = new StringWriter();
        var values = new Dictionary<string, string>
        {
            ["training.lr"] = "1e-3", ["model.batch_norm"] = "true", ["training.optimizer"] = "adam",
            ["model.hidden"] = "[64, 32]", ["dataset.name"] = "'1000'",
        };

        TrialTableExporter.WriteJson(writer, [Baseline], values);

        using var document = JsonDocument.Parse(writer.ToString());
        var row = document.RootElement[0];
        Assert.Equal(0.001, row.GetProperty("params_training.lr").GetDouble());
        Assert.True(row.GetProperty("params_model.batch_norm").GetBoolean());
        Assert.Equal("adam", row.GetProperty("params_training.optimizer").GetString());
        Assert.Equal(2, row.GetProperty("params_model.hidden").GetArrayLength());
        Assert.Equal("1000", row.GetProperty("params_dataset.name").GetString());
    }

    [Fact]
    public void Epochs_AreOneRowPerRecordedEpoch_ByTrialThenEpoch()
    {
        var writer = new StringWriter();

        var measured = Epoch(0, 2, "w1/2/slot0/b");
        measured = measured with { Metrics = measured.Metrics with { TrainEvalLoss = 0.25, TrainEvalAccuracy = 0.75 } };
        TrialTableExporter.WriteEpochsCsv(writer, [Epoch(1, 1, "w0/1/slot0/a"), measured, Epoch(0, 1, "w0/1/slot0/c")]);

        Assert.Equal(string.Join("\r\n",
            "number,epoch,train_loss,train_accuracy,train_eval_loss,train_eval_accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_second,decision,recorded_by",
            "0,1,0.5,0.5,,,0.5,0.5,0.001,1,100,Continue,w0/1/slot0/c",
            "0,2,0.5,0.5,0.25,0.75,0.5,0.5,0.001,1,100,Continue,w1/2/slot0/b",
            "1,1,0.5,0.5,,,0.5,0.5,0.001,1,100,Continue,w0/1/slot0/a") + "\r\n", writer.ToString());
        var json = new StringWriter();
        TrialTableExporter.WriteEpochsJson(json, [Epoch(0, 1, "w0/1/slot0/c")]);
        Assert.Equal(0.001, JsonDocument.Parse(json.ToString()).RootElement[0].GetProperty("learning_rate").GetDouble());
    }

    private static EpochRecord Epoch(int trial, int epoch, string owner) =>
        new(trial, Metrics(epoch, 0.5, 0.5, 0.5, 0.5), StopDecision.Continue("kept"), owner);

    private static EpochMetrics Metrics(int epoch, double trainLoss, double trainAccuracy, double valLoss,
        double valAccuracy) =>
        new(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, LearningRate: 1e-3, Seconds: 1, SamplesPerSecond: 100);

    private static TrialRecord Trial(PlannedTrial plan, TrialState state, string? message, TrialResult? result) =>
        new("sweep-1", plan, state, Attempts: state == TrialState.Pending ? 0 : 1, LeaseOwner: null,
            LeaseExpiresAt: null, StartedAt: null, FinishedAt: null, result, message);
}
