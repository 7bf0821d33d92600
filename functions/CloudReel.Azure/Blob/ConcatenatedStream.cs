namespace CloudReel.Azure.Blob;

/// <summary>A read-only stream of one stream, then another: what was read ahead, then the rest.</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : ForwardReadStream
{
    private bool _firstDone;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_firstDone)
        {
            var read = await first.ReadAsync(buffer, cancellationToken);
            if (read > 0) return read;
            _firstDone = true;
        }

        return await second.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) first.Dispose();
        base.Dispose(disposing);
    }
}
