using System.Buffers.Binary;

namespace CloudReel.Testing.Fakes;

/// <summary>What the fake speech services answer with: a tone whose length follows the text.</summary>
public static class FakeSpeechAudio
{
    /// <summary>Seconds the fakes take to say <paramref name="text"/>: 0.1 s, then 0.2 s a CJK character and 0.07 s any other (spaces free).</summary>
    public static double Seconds(string text) => 0.1 + text.Sum(c => c >= 0x3400 ? 0.2 : char.IsWhiteSpace(c) ? 0 : 0.07);

    /// <summary>A 440 Hz tone as a RIFF WAV, 16-bit mono, as long as the text would take to say.</summary>
    public static byte[] Tone(string text, int sampleRate)
    {
        var frames = (int)(Seconds(text) * sampleRate);
        var wav = new byte[44 + (frames * 2)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + (frames * 2));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), frames * 2);
        for (var i = 0; i < frames; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        return wav;
    }
}
