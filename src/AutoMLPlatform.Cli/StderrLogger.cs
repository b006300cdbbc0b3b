using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Cli;

/// <summary>The engine's log lines on stderr (Information and above), beside the per-trial progress.</summary>
internal sealed class StderrLogger(TextWriter stderr) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel) && eventId.Name is not "LogTrial")
        {
            stderr.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
        }
    }
}
