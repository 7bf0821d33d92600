using CloudReel.Core.Intake;

namespace CloudReel.Api.Control;

/// <summary>A film's staged order files with a few more laid over them (a picture uploaded to replace a shot), staged with the new film.</summary>
internal sealed class OverlaidOrderFiles(IOrderSource inner, IReadOnlyDictionary<string, byte[]> extra) : IOrderSource
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        extra.TryGetValue(relativePath, out var bytes) ? Task.FromResult<long?>(bytes.Length) : inner.GetSizeAsync(relativePath, cancellationToken);

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        extra.TryGetValue(relativePath, out var bytes) ? Task.FromResult<Stream?>(new MemoryStream(bytes, writable: false)) : inner.OpenReadAsync(relativePath, cancellationToken);
}
