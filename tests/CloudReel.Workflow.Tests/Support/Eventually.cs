namespace CloudReel.Workflow.Tests.Support;

/// <summary>Waits for something another thread or process makes true, failing the test after a generous while.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, Func<T, bool> done, string what, TimeSpan? patience = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await read() is { } value && done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
