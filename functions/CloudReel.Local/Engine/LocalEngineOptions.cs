using CloudReel.Local.Engine.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Local.Engine;

/// <summary>Settings of a <see cref="LocalWorkflowEngine"/>.</summary>
public sealed class LocalEngineOptions
{
    /// <summary>The SQLite journal; created (with its folder) if missing. Several processes may share it.</summary>
    public required string JournalPath { get; init; }

    /// <summary>The clock for orchestration time, durable timers, polling and lease heartbeats.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public int MaxConcurrentActivities { get; init; } = 4;

    /// <summary>How often the engine looks for events raised by other processes.</summary>
    public TimeSpan InboxPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A lease whose heartbeat is older than this is taken over; heartbeats come every third of it.</summary>
    public TimeSpan LeaseTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Tests only: stops the engine dead right after a chosen journal write.</summary>
    internal JournalFaultInjection? FaultInjection { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(JournalPath);
        ArgumentNullException.ThrowIfNull(Time);
        ArgumentNullException.ThrowIfNull(LoggerFactory);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InboxPollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseTimeout, TimeSpan.Zero);
    }
}
