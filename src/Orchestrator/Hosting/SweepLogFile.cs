using Microsoft.Extensions.Logging;

namespace Sweep.Orchestrator.Hosting;

/// <summary>The sweep directory's <c>sweep.log</c>: what the host logs while it runs the sweep, exceptions with their
/// full trace, appended by every run and resume.</summary>
public sealed class SweepLogFile(string path) : ILoggerProvider
{
    public const string FileName = "sweep.log";

    private readonly Lock gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Append(string text)
    {
        lock (gate)
        {
            try
            {
                File.AppendAllText(path, text);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A full disk or a folder made read-only must not fail the trial being logged: its one-line message
                // is in the store.
            }
        }
    }

    private sealed class FileLogger(SweepLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var trace = exception is null ? "" : $"{Environment.NewLine}{exception}";
            file.Append($"{DateTimeOffset.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{trace}{Environment.NewLine}");
        }
    }
}
