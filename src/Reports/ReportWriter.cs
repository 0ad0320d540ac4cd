using System.Text;
using Sweep.Reports.Analysis;
using Sweep.Reports.Html;
using Sweep.Reports.Model;

namespace Sweep.Reports;

/// <summary>The one place that touches disk: analyse, render, then write <c>index.html</c> atomically.</summary>
public static class ReportWriter
{
    public const string FileName = "index.html";

    /// <returns>The path of the written <c>index.html</c>.</returns>
    public static string Write(ReportInput input, string reportDirectory) =>
        Write(input, reportDirectory, DiagnosisThresholds.Default, ReportLimits.Default);

    public static string Write(ReportInput input, string reportDirectory, DiagnosisThresholds thresholds, ReportLimits limits)
    {
        var html = ReportPage.Render(ReportAnalysis.Of(input, thresholds), limits);
        var created = !Directory.Exists(reportDirectory);
        Directory.CreateDirectory(reportDirectory);
        var path = Path.Combine(reportDirectory, FileName);
        // A reader refreshing the page mid-write sees the old report or the new one, never half of one.
        var temporary = Path.Combine(reportDirectory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Streamed rather than File.WriteAllText, which reserves the whole size first and reports a full disk
            // as a bare IOException instead of the system's ENOSPC.
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                writer.Write(html);
            File.Move(temporary, path, overwrite: true);
        }
        catch when (created)
        {
            // A report that could not be written (a full disk) leaves no empty folder behind.
            Discard(temporary);
            if (!Directory.EnumerateFileSystemEntries(reportDirectory).Any()) Directory.Delete(reportDirectory);
            throw;
        }
        finally
        {
            Discard(temporary);
        }
        return path;
    }

    private static void Discard(string temporary)
    {
        if (File.Exists(temporary)) File.Delete(temporary);
    }
}
