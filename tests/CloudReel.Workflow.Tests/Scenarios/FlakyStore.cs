using CloudReel.Core.Ports;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>A clip store that can be told to fail its next storyboard write, as a brief outage of the store would.</summary>
internal sealed class FlakyStore(IClipStore inner) : IClipStore
{
    private int _storyboardWrites;
    private int _failNextStoryboardWrite;

    public int StoryboardWrites => Volatile.Read(ref _storyboardWrites);

    public void FailNextStoryboardWrite() => Volatile.Write(ref _failNextStoryboardWrite, 1);

    public string Describe() => inner.Describe();

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) => inner.ExistsAsync(name, cancellationToken);

    public Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default) => inner.GetSizeAsync(name, cancellationToken);

    public Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (name.EndsWith("/storyboard.yaml", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _storyboardWrites);
            if (Interlocked.Exchange(ref _failNextStoryboardWrite, 0) == 1) throw new IOException("the store is briefly unavailable");
        }

        return inner.PutAsync(name, content, contentType, overwrite, cancellationToken);
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) => inner.OpenReadAsync(name, cancellationToken);

    public Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default) => inner.GetLocalPathAsync(name, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);

    public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) => inner.GetReadLinkAsync(name, lifetime, cancellationToken);
}
