using System.Diagnostics;
using Sweep.Reports;
using Sweep.Reports.Samples;

// Writes the report of a synthetic 1,000-trial × 50-epoch random search and prints how long it took (goal ≤ 10 s).
// Arguments: [trials] [epochs] [directory] [asha]; "asha" stops the same sweep by successive halving (rungs 5, 15, 45).
var trials = args.Length > 0 ? int.Parse(args[0]) : 1000;
var epochs = args.Length > 1 ? int.Parse(args[1]) : 50;
var directory = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "sweep-report-bench");
var asha = args.Length > 3 && args[3] == "asha";

var input = SyntheticReportInput.Large(trials, epochs);
if (asha) input = SyntheticEarlyStopping.Asha(input, grace: 5, reduction: 3);
ReportWriter.Write(SyntheticReportInput.Ofat(), Path.Combine(directory, "warm-up"));

var stopwatch = Stopwatch.StartNew();
var path = ReportWriter.Write(input, directory);
stopwatch.Stop();

Console.WriteLine($"trials={trials} epochs={epochs} asha={asha} seconds={stopwatch.Elapsed.TotalSeconds:0.00} bytes={new FileInfo(path).Length} path={path}");
