using System.Buffers.Binary;

namespace CloudReel.Core.Speech;

/// <summary>
/// PCM audio in a RIFF WAV file, read and written in memory: enough to measure a spoken sentence to
/// the sample and join sentences into one line. Only uncompressed PCM (format 1) is read.
/// </summary>
public sealed record WavAudio(int SampleRate, int Channels, int BitsPerSample, byte[] Samples)
{
    public int BytesPerFrame => Channels * BitsPerSample / 8;

    public double Seconds => BytesPerFrame == 0 ? 0 : (double)(Samples.Length / BytesPerFrame) / SampleRate;

    public static WavAudio Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException("not a RIFF WAVE file");
        }
        int? rate = null, channels = null, bits = null;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var body = position + 8;
            // Streamed WAVs (espeak to a pipe) leave the data size at its maximum: the data runs to the end.
            var length = (int)Math.Min(size, (uint)(file.Length - body));
            if (id.SequenceEqual("fmt "u8))
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2));
                if (format != 1) throw new FormatException($"WAV format {format} is not PCM");
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 14, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (rate is null) throw new FormatException("WAV data before its format");
                var frame = channels!.Value * bits!.Value / 8;
                return new WavAudio(rate.Value, channels.Value, bits.Value, file.Slice(body, length - (length % frame)).ToArray());
            }
            position = body + length + (length & 1);
        }
        throw new FormatException("WAV file without a data chunk");
    }

    public byte[] ToFile()
    {
        var file = new byte[44 + Samples.Length];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + Samples.Length));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)BitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)Samples.Length);
        Samples.CopyTo(span[44..]);
        return file;
    }

    public bool SameFormat(WavAudio other) => SampleRate == other.SampleRate && Channels == other.Channels && BitsPerSample == other.BitsPerSample;

    public static WavAudio Join(IReadOnlyList<WavAudio> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("nothing to join", nameof(parts));
        if (parts.Any(p => !p.SameFormat(parts[0]))) throw new FormatException("the parts of a line came back in different audio formats");
        return parts[0] with { Samples = parts.SelectMany(p => p.Samples).ToArray() };
    }
}
