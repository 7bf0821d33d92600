using System.Net;
using System.Net.Sockets;

namespace CloudReel.Models.Fetching;

/// <summary>
/// Which IP addresses a fetch on a user's behalf may reach: public unicast only. Refused: loopback,
/// unspecified, private (RFC 1918), carrier-grade NAT (100.64/10), link-local, multicast,
/// broadcast, reserved and documentation ranges, IPv6 unique-local, site-local and discard, and
/// IPv4 addresses hidden in IPv6 (mapped, compatible, NAT64, 6to4) by the rules of the address inside.
/// </summary>
public static class AddressPolicy
{
    private static readonly (IPAddress Network, int Bits)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local (and cloud metadata endpoints)
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),     // documentation
        (IPAddress.Parse("192.88.99.0"), 24),   // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),  // documentation
        (IPAddress.Parse("203.0.113.0"), 24),   // documentation
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, and broadcast
    ];

    private static readonly (IPAddress Network, int Bits)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("100::"), 64),         // discard
        (IPAddress.Parse("2001::"), 32),        // Teredo (tunnels to anywhere)
        (IPAddress.Parse("2001:db8::"), 32),    // documentation
        (IPAddress.Parse("fc00::"), 7),         // unique local
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("fec0::"), 10),        // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return !RefusedV4.Any(range => InRange(address, range));
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (EmbeddedIPv4(address) is { } embedded) return IsPublic(embedded);
        return !RefusedV6.Any(range => InRange(address, range));
    }

    /// <summary>The IPv4 address inside IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Take(12).All(b => b == 0) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1)) return new IPAddress(bytes[12..]);
        if (InRange(address, (IPAddress.Parse("64:ff9b::"), 96))) return new IPAddress(bytes[12..]);
        return InRange(address, (IPAddress.Parse("2002::"), 16)) ? new IPAddress(bytes[2..6]) : null;
    }

    private static bool InRange(IPAddress address, (IPAddress Network, int Bits) range)
    {
        if (address.AddressFamily != range.Network.AddressFamily) return false;
        var bytes = address.GetAddressBytes();
        var network = range.Network.GetAddressBytes();
        var bits = range.Bits;
        for (var i = 0; bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((bytes[i] & mask) != (network[i] & mask)) return false;
        }

        return true;
    }
}
