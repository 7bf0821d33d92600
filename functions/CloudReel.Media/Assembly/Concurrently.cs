using System.Runtime.ExceptionServices;

namespace CloudReel.Media.Assembly;

/// <summary>Runs two jobs side by side; the first failure cancels the other and is the one reported.</summary>
internal static class Concurrently
{
    public static async Task RunAsync(Func<CancellationToken, Task> first, Func<CancellationToken, Task> second, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task Guarded(Func<CancellationToken, Task> run)
        {
            try
            {
                await run(linked.Token);
            }
            catch
            {
                await linked.CancelAsync();
                throw;
            }
        }

        Task[] tasks = [Guarded(first), Guarded(second)];
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            var cause = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException)
                ?? tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault();
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }
}
