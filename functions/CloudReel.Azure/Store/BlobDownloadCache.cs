using System.Security.Cryptography;
using System.Text;
using Azure;

namespace CloudReel.Azure.Store;

/// <summary>
/// Local copies of blobs for tools that need files (FFmpeg). A copy is named by the blob and its
/// ETag, so a changed blob is fetched again and an unchanged one never is; it keeps the blob's file
/// name (and extension) and appears only once complete.
/// </summary>
internal static class BlobDownloadCache
{
    public static string PathFor(string cacheDirectory, string container, string blob, ETag etag)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{blob}\n{etag}")))[..32].ToLowerInvariant();
        return Path.Combine(cacheDirectory, container, key, blob[(blob.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Has <paramref name="download"/> write a partial file beside <paramref name="path"/>, then moves it into place.</summary>
    public static async Task<string> SaveAsync(string path, Func<string, Task> download)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.partial-{Guid.NewGuid():N}";
        try
        {
            await download(partial);
            File.Move(partial, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
