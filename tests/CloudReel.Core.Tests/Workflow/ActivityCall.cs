using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>The host an activity a test runs directly sees: it keeps running.</summary>
internal static class ActivityCall
{
    public static IHostApplicationLifetime Host { get; } = new RunningHost();

    private sealed class RunningHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => throw new NotSupportedException("Tests stop nothing.");
    }
}
