using CloudReel.Core.Orders;

namespace CloudReel.Core.Intake;

/// <summary>
/// The files of an order sent in an HTTP body: there are none beside it, so only reference-image
/// URLs can be named (they are fetched and checked when the order is staged); any path is missing.
/// </summary>
public sealed class UrlOnlyOrderFiles : IOrderSource
{
    public const string Hint = "An order sent over HTTP can name only https image URLs; to send files, upload them with the order to the orders container under incoming/.";

    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoteImages.IsUrl(relativePath) ? 0 : (long?)null);

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);
}
