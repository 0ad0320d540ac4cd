using Spectre.Console;
using Spectre.Console.Rendering;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Scheduling;

namespace Sweep.Orchestrator.Hosting;

/// <summary>A sweep's progress as it runs: a live table on a terminal, a line per change of the finished count in
/// logs and CI. The same view follows a sweep run here and one followed from a cluster.</summary>
public static class ProgressView
{
    public static async Task ShowAsync(Func<Task<SweepProgress>> progress, Func<IReadOnlyList<RunningTrial>> running,
        Task done)
    {
        var started = DateTime.UtcNow;
        if (Console.IsOutputRedirected)
        {
            await ReportLinesAsync(progress, done, started);
            return;
        }
        await AnsiConsole.Live(new Text("starting…")).AutoClear(false).StartAsync(async live =>
        {
            while (!done.IsCompleted)
            {
                live.UpdateTarget(Render(await progress(), running(), DateTime.UtcNow - started));
                await Task.WhenAny(done, Task.Delay(500));
            }
            live.UpdateTarget(Render(await progress(), [], DateTime.UtcNow - started));
        });
    }

    /// <summary>Logs and CI capture output: one line whenever the count of finished trials changes.</summary>
    private static async Task ReportLinesAsync(Func<Task<SweepProgress>> sweep, Task done, DateTime started)
    {
        var reported = -1;
        while (true)
        {
            var progress = await sweep();
            var finished = progress.Counts.Where(c => c.Key.IsFinished()).Sum(c => c.Value);
            if (finished != reported)
            {
                reported = finished;
                var best = progress.BestTrial is { } b ? $"best trial {b} ({progress.BestObjective:G4})" : "no result yet";
                Console.WriteLine($"{finished}/{progress.Planned} trials finished, {Duration(DateTime.UtcNow - started)} elapsed, {best}");
            }
            if (done.IsCompleted)
                return;
            await Task.WhenAny(done, Task.Delay(500));
        }
    }

    private static IRenderable Render(SweepProgress progress, IReadOnlyList<RunningTrial> running, TimeSpan elapsed)
    {
        var finished = progress.Counts.Where(c => c.Key.IsFinished()).Sum(c => c.Value);
        var total = Math.Max(progress.Planned, 1);
        var fraction = (double)finished / total;
        var eta = TimeLeft.Of(progress, slotsWhenIdle: 1) is { } left ? Duration(left) : "?";
        var bar = new string('█', (int)(fraction * 30)) + new string('░', 30 - (int)(fraction * 30));
        var counts = string.Join("  ", progress.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}"));
        var best = progress.BestTrial is { } b ? $"best: trial {b} ({progress.BestObjective:G4})" : "best: none yet";
        var table = new Table().Border(TableBorder.Simple).AddColumns("slot", "trial", "change", "epoch", "loss", "val acc");
        foreach (var t in running)
            table.AddRow($"{t.Slot}", $"{t.Index}", Markup.Escape(t.Label),
                t.Batches > 0 ? $"{t.Epoch}/{t.Epochs} ({100 * t.Batch / t.Batches}%)" : $"{t.Epoch}/{t.Epochs}",
                $"{t.Loss:F4}", t.ValAccuracy is { } v ? $"{v:P2}" : "-");
        return new Rows(
            new Markup($"[bold]{bar}[/] {finished}/{progress.Planned} trials  elapsed {Duration(elapsed)}  ETA {eta}"),
            new Text($"{counts}   {best}"),
            table);
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:D2}m" : $"{span.Minutes}m{span.Seconds:D2}s";
}
