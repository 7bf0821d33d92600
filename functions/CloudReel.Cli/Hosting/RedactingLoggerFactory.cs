using CloudReel.Core.Text;
using Microsoft.Extensions.Logging;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Every log line the CLI and `serve` write passes through <see cref="Secrets.Redact"/>: request URLs
/// carry API keys (<c>?code=</c>) and signed links (<c>sig=</c>), and a service's error may echo a token.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception is null ? null : new RedactedException(exception), (s, e) => Secrets.Redact(formatter(s, e)));
    }

    /// <summary>An exception as logs show it: its type, message and stack with secrets taken out.</summary>
    private sealed class RedactedException(Exception original) : Exception(Secrets.Redact(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => Secrets.Redact(original.ToString());
    }
}
