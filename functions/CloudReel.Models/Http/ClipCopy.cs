namespace CloudReel.Models.Http;

/// <summary>Copies a downloaded clip into its destination from the start, and fails when the body is shorter than promised.</summary>
public static class ClipCopy
{
    /// <summary>Copies a clip answer into <paramref name="destination"/> from its start; a short body is an <see cref="IOException"/>, so the download is tried again.</summary>
    public static async Task<bool> CopyAsync(HttpResponseMessage response, Stream destination, CancellationToken cancellationToken)
    {
        if (destination.CanSeek)
        {
            destination.SetLength(0);
            destination.Position = 0;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var counted = new CountingCopy(destination);
        await body.CopyToAsync(counted, cancellationToken);
        if (response.Content.Headers.ContentLength is { } expected && counted.Bytes < expected)
        {
            throw new IOException($"the download ended after {counted.Bytes} of {expected} bytes");
        }

        return true;
    }

    /// <summary>Counts what passes through to the destination.</summary>
    private sealed class CountingCopy(Stream inner) : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Bytes += count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Bytes += buffer.Length;
        }
    }
}
