using Azure;
using Azure.Storage.Blobs.Models;

namespace CloudReel.Azure.Storage;

/// <summary>What a refused conditional write looks like.</summary>
internal static class StorageErrors
{
    /// <summary>
    /// The write's condition did not hold: 412 for If-Match on a changed blob (and conditions in
    /// general), 409 BlobAlreadyExists for If-None-Match: * on an existing one.
    /// </summary>
    public static bool IsConditionFailure(RequestFailedException error) =>
        error.Status == 412 || (error.Status == 409 && error.ErrorCode == BlobErrorCode.BlobAlreadyExists);
}
