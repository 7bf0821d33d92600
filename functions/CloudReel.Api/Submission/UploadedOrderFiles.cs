using CloudReel.Core.Intake;
using CloudReel.Core.Orders;

namespace CloudReel.Api.Submission;

/// <summary>
/// The files sent with an order in a multipart/form-data request (pictures, music, a logo, a script): a
/// path the order names is found under that path (the part's field name), or by its file name alone
/// when only one file sent has that name (a browser sends names, not folders). Reference-image URLs are
/// fetched by the intake as for any order sent over HTTP.
/// </summary>
public sealed class UploadedOrderFiles(IReadOnlyDictionary<string, byte[]> files) : IOrderSource
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoteImages.IsUrl(relativePath) ? 0 : Find(relativePath)?.LongLength);

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(Find(relativePath) is { } bytes ? new MemoryStream(bytes, writable: false) : null);

    private byte[]? Find(string relativePath)
    {
        if (files.TryGetValue(relativePath, out var exact)) return exact;
        var name = Path.GetFileName(relativePath);
        var byName = files.Where(f => Path.GetFileName(f.Key) == name).Take(2).ToList();
        return byName.Count == 1 ? byName[0].Value : null;
    }
}
