using CloudReel.Azure.Blob;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Blob;

public sealed class ResumingReadStreamTests
{
    [Fact]
    public async Task Read_ConnectionBreaksMidway_ResumesAtTheByteItStoppedAt()
    {
        var bytes = TestData.Bytes(10_000);
        var reopenedAt = new List<long>();
        var stream = new ResumingReadStream(new BreakingStream(bytes, 0, breakAfter: 3_000), bytes.Length, (offset, _) =>
        {
            reopenedAt.Add(offset);
            return Task.FromResult<Stream>(new BreakingStream(bytes, (int)offset, breakAfter: int.MaxValue));
        }, startOffset: 0);

        var read = await TestData.ReadAllAsync(stream);

        read.Should().Equal(bytes);
        reopenedAt.Should().Equal(3_000);
    }

    [Fact]
    public async Task Read_BreaksEveryTime_GivesUpAfterAFewResumes()
    {
        var bytes = TestData.Bytes(10_000);
        var stream = new ResumingReadStream(new BreakingStream(bytes, 0, 100), bytes.Length, (offset, _) =>
            Task.FromResult<Stream>(new BreakingStream(bytes, (int)offset, 100)), startOffset: 0);

        var read = () => TestData.ReadAllAsync(stream);

        await read.Should().ThrowAsync<IOException>();
    }

    /// <summary>Serves bytes from an offset and throws an I/O error after a number of them, like a dropped connection.</summary>
    private sealed class BreakingStream(byte[] bytes, int offset, int breakAfter) : MemoryStream(bytes, offset, bytes.Length - offset)
    {
        private int _served;

        public override int Read(byte[] buffer, int bufferOffset, int count)
        {
            if (_served >= breakAfter) throw new IOException("connection reset");
            var read = base.Read(buffer, bufferOffset, Math.Min(count, breakAfter - _served));
            _served += read;
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }
    }
}
