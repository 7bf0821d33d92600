namespace CloudReel.Azure.Blob;

/// <summary>
/// A download that survives a broken connection: when a read fails with an I/O error, the rest is
/// requested again from the byte it stopped at (a few times at most), so a long film download is
/// not lost to one network blip.
/// </summary>
internal sealed class ResumingReadStream(Stream first, long length, Func<long, CancellationToken, Task<Stream>> reopenAt, long startOffset) : ForwardReadStream
{
    private const int MaxResumes = 3;
    private Stream _current = first;
    private long _read;
    private int _resumes;

    public override long Length => length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            try
            {
                var read = await _current.ReadAsync(buffer, cancellationToken);
                if (read == 0 && _read < length) throw new IOException($"The download ended after {_read} of {length} bytes.");
                _read += read;
                return read;
            }
            catch (IOException) when (_resumes < MaxResumes && !cancellationToken.IsCancellationRequested)
            {
                _resumes++;
                await _current.DisposeAsync();
                _current = await reopenAt(startOffset + _read, cancellationToken);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _current.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _current.DisposeAsync();
        await base.DisposeAsync();
    }
}
