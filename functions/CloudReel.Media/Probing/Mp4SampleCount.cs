using System.Buffers.Binary;
using System.Text;

namespace CloudReel.Media.Probing;

/// <summary>
/// Reads how many samples (frames) an MP4's first video track holds from its sample size box
/// (moov/trak/mdia/minf/stbl/stsz), without starting a process or decoding anything.
/// </summary>
internal static class Mp4SampleCount
{
    public static int? VideoFrames(string path)
    {
        using var file = File.OpenRead(path);
        var moov = FindTopLevel(file, "moov");
        if (moov is null) return null;
        foreach (var trak in Children(moov, 0, moov.Length, "trak"))
        {
            var mdia = Children(moov, trak.Start, trak.End, "mdia").FirstOrDefault();
            if (mdia == default) continue;
            var hdlr = Children(moov, mdia.Start, mdia.End, "hdlr").FirstOrDefault();
            // hdlr: version and flags (4), pre-defined (4), then the handler type.
            if (hdlr == default || Encoding.ASCII.GetString(moov, hdlr.Start + 8, 4) != "vide") continue;
            var stsz = Path(moov, mdia, "minf", "stbl", "stsz");
            // stsz: version and flags (4), sample size (4), sample count (4).
            if (stsz != default) return (int)BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stsz.Start + 8, 4));
        }

        return null;
    }

    private static (int Start, int End) Path(byte[] data, (int Start, int End) box, params string[] names)
    {
        foreach (var name in names)
        {
            box = Children(data, box.Start, box.End, name).FirstOrDefault();
            if (box == default) return default;
        }

        return box;
    }

    /// <summary>The contents (after the header) of each child box of a type between two offsets.</summary>
    private static IEnumerable<(int Start, int End)> Children(byte[] data, int from, int to, string type)
    {
        var offset = from;
        while (offset + 8 <= to)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset, 4));
            var header = 8;
            if (size == 1 && offset + 16 <= to)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(offset + 8, 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = to - offset;
            }

            if (size < header || offset + size > to) yield break;
            if (Encoding.ASCII.GetString(data, offset + 4, 4) == type) yield return (offset + header, (int)(offset + size));
            offset += (int)size;
        }
    }

    /// <summary>The contents of a top-level box, read into memory (moov is small); null when there is none.</summary>
    private static byte[]? FindTopLevel(Stream file, string type)
    {
        Span<byte> header = stackalloc byte[16];
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            file.Position = offset;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerSize = 8;
            if (size == 1)
            {
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = file.Length - offset;
            }

            if (size < headerSize) return null;
            if (Encoding.ASCII.GetString(header[4..8]) == type)
            {
                var content = new byte[size - headerSize];
                file.Position = offset + headerSize;
                file.ReadExactly(content);
                return content;
            }

            offset += size;
        }

        return null;
    }
}
