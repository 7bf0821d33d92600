using Microsoft.Extensions.Logging;

namespace CloudReel.Bench.Assembly;

/// <summary>Prints the engine's step timings (its information logs) while the benchmark runs.</summary>
internal sealed class StepLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Console.WriteLine("    " + formatter(state, exception));
    }
}
