using System.Buffers;
using System.Text;
using Azure;
using Azure.Core;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Blob;

/// <summary>Writes: one Put Blob for small content, parallel Put Block + one Put Block List for large.</summary>
public sealed partial class BlobStorageClient
{
    /// <summary>
    /// Writes <paramref name="content"/> (read to its end, seekable or not). Content up to
    /// <see cref="BlobTransferOptions.SingleUploadLimit"/> goes in one request; larger content in
    /// blocks, several in flight, committed at once by the block list: readers never see half a blob.
    /// Returns null when a condition (e.g. If-None-Match: *) kept an existing blob.
    /// </summary>
    public async Task<BlobWriteResult?> UploadAsync(
        string container, string blobName, Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobUploadOptions();
        var first = new byte[Math.Min(Transfer.SingleUploadLimit + 1, 1 << 20)];
        var buffered = new MemoryStream();
        int read;
        while (buffered.Length <= Transfer.SingleUploadLimit && (read = await content.ReadAsync(first, cancellationToken)) > 0)
        {
            buffered.Write(first, 0, read);
        }

        if (buffered.Length <= Transfer.SingleUploadLimit)
        {
            return await PutBlobAsync(container, blobName, buffered.GetBuffer().AsMemory(0, (int)buffered.Length), options, cancellationToken);
        }

        buffered.Position = 0;
        await using var rest = new ConcatenatedStream(buffered, content);
        return await UploadBlocksAsync(container, blobName, rest, options, cancellationToken);
    }

    private async Task<BlobWriteResult?> PutBlobAsync(string container, string blobName, ReadOnlyMemory<byte> bytes, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Put, BlobUri(container, blobName));
        var request = message.Request;
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Headers.Add("x-ms-blob-content-type", options.ContentType);
        request.Headers.Add("Content-MD5", ContentMd5.Of(bytes.Span));
        AddMetadata(request, options.Metadata);
        ApplyConditions(request, options.Conditions);
        request.Content = RequestContent.Create(bytes);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 201) return new BlobWriteResult(BlobResponses.ETagOf(response), 0);
        if (IsConditionFailure(response)) return null;
        throw StorageRequestFailedException.From(response, $"put {container}/{blobName}");
    }

    private async Task<BlobWriteResult?> UploadBlocksAsync(string container, string blobName, Stream content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        // A fresh prefix per upload: two writers of the same blob never mix each other's uncommitted blocks.
        var upload = Guid.NewGuid().ToString("N")[..12];
        var ids = new List<string>();
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, Transfer.Parallelism));
        var inFlight = new List<Task>();
        try
        {
            while (true)
            {
                await slots.WaitAsync(failure.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(Transfer.BlockSize);
                var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, Transfer.BlockSize), Transfer.BlockSize, throwOnEndOfStream: false, failure.Token);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    break;
                }

                var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{upload}-{ids.Count:D6}"));
                ids.Add(id);
                inFlight.Add(PutBlockInSlotAsync(container, blobName, id, buffer, length, slots, failure));
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
            }

            await Task.WhenAll(inFlight);
        }
        catch (Exception error)
        {
            await failure.CancelAsync();

            // Let every block in flight end (their buffers go back to the pool), then report the
            // block that failed first rather than the cancellation it caused.
            await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
            var blockFailure = inFlight.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException)?.Exception!.InnerException;
            if (blockFailure is not null && !cancellationToken.IsCancellationRequested) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(blockFailure);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return await CommitBlocksAsync(container, blobName, ids, options, cancellationToken);
    }

    private async Task PutBlockInSlotAsync(string container, string blobName, string id, byte[] buffer, int length, SemaphoreSlim slots, CancellationTokenSource failure)
    {
        try
        {
            using var message = Create(RequestMethod.Put, BlobUri(container, blobName));
            message.Request.Uri.AppendQuery("comp", "block");
            message.Request.Uri.AppendQuery("blockid", id);
            message.Request.Headers.Add("Content-MD5", ContentMd5.Of(buffer.AsSpan(0, length)));
            message.Request.Content = RequestContent.Create(buffer.AsMemory(0, length));
            var response = await SendAsync(message, failure.Token);
            if (response.Status != 201) throw StorageRequestFailedException.From(response, $"put block of {container}/{blobName}");
        }
        catch
        {
            await failure.CancelAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    private async Task<BlobWriteResult?> CommitBlocksAsync(string container, string blobName, IReadOnlyList<string> ids, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var list = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in ids) list.Append("<Latest>").Append(id).Append("</Latest>");
        var body = Encoding.UTF8.GetBytes(list.Append("</BlockList>").ToString());

        using var message = Create(RequestMethod.Put, BlobUri(container, blobName));
        var request = message.Request;
        request.Uri.AppendQuery("comp", "blocklist");
        request.Headers.Add("x-ms-blob-content-type", options.ContentType);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/xml");
        AddMetadata(request, options.Metadata);
        ApplyConditions(request, options.Conditions);
        request.Content = RequestContent.Create(body);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 201) return new BlobWriteResult(BlobResponses.ETagOf(response), ids.Count);
        if (IsConditionFailure(response)) return null;
        throw StorageRequestFailedException.From(response, $"commit blocks of {container}/{blobName}");
    }

    /// <summary>If-None-Match: * on an existing blob answers 409 BlobAlreadyExists (Put Blob) or 412 (conditions in general).</summary>
    private static bool IsConditionFailure(Response response) =>
        response.Status == 412 || (response.Status == 409 && ErrorCode(response) == "BlobAlreadyExists");

}
