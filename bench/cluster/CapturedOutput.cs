using System.Diagnostics;
using System.Text;

namespace Sweep.ClusterBench;

/// <summary>Keeps reading a started process' stdout and stderr, so its pipes never fill and block it, and keeps
/// what it printed for waiting on a line and for error messages.</summary>
public sealed class CapturedOutput
{
    private readonly StringBuilder text = new();

    public CapturedOutput(Process process)
    {
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (text)
                return text.ToString();
        }
    }

    public bool Contains(string value) => Text.Contains(value, StringComparison.Ordinal);

    /// <summary>The last lines, enough to tell why a process failed without flooding the terminal.</summary>
    public string Tail(int lines = 20) =>
        string.Join('\n', Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.AppendLine(line);
    }
}
