using CloudReel.Core.Orders;

namespace CloudReel.Core.Intake;

/// <summary>
/// Where an order's files come from when it is staged: a folder on this machine, a folder of the
/// store (an upload, or the film a regeneration starts from), or nowhere (an order sent over HTTP).
/// Paths are relative to the order; reference-image URLs are fetched by the intake, never read here.
/// </summary>
public interface IOrderSource : IOrderFiles
{
    /// <summary>The file's content, or null when there is no such file (validation reports it).</summary>
    Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default);
}
