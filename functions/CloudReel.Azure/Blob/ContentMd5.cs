using System.Security.Cryptography;

namespace CloudReel.Azure.Blob;

/// <summary>
/// The Content-MD5 header: Storage checks each request body against it and refuses a body damaged
/// in transit. An integrity check the protocol defines, not a security measure.
/// </summary>
internal static class ContentMd5
{
#pragma warning disable CA5351 // MD5 is what the Storage protocol's transactional check uses.
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(MD5.HashData(bytes));
#pragma warning restore CA5351
}
