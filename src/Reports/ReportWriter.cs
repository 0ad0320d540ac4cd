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
        Directory.CreateDirectory(reportDirectory);
        var path = Path.Combine(reportDirectory, FileName);
        // A reader refreshing the page mid-write sees the old report or the new one, never half of one.
        var temporary = Path.Combine(reportDirectory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return path;
    }
}
