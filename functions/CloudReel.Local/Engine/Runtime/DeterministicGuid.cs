using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id, so replay repeats them.</summary>
internal static class DeterministicGuid
{
    // CloudReel's own namespace for orchestration ids; any fixed value works as long as it never changes.
    private static readonly Guid OrchestrationNamespace = new("5c1b7a3e-2f0d-4e8b-9a61-0c7d3f4e2b19");

    public static Guid ForOrchestration(string instanceId, DateTime currentUtc, int counter) => Create(
        OrchestrationNamespace,
        string.Create(CultureInfo.InvariantCulture, $"{instanceId}_{currentUtc:O}_{counter}"));

    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(data, bigEndian: true, out _);
        nameBytes.CopyTo(data, 16);
#pragma warning disable CA5350 // version 5 UUIDs are defined over SHA-1; this is an identifier, not a secret
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
