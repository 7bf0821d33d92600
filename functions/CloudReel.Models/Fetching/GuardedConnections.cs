using System.Net;
using System.Net.Sockets;

namespace CloudReel.Models.Fetching;

/// <summary>
/// An HTTP handler whose every connection is made by CloudReel itself: it resolves the host, refuses
/// the connection when any address is not allowed (so DNS rebinding to a private address cannot
/// slip through), then connects to the address it checked. No proxy, no automatic redirects: the
/// caller checks each hop.
/// </summary>
public static class GuardedConnections
{
    /// <summary>Puts the guard on <paramref name="handler"/>, over whatever was set on it before.</summary>
    public static SocketsHttpHandler Guard(SocketsHttpHandler handler, IHostResolver resolver, Func<IPAddress, bool> isAllowed)
    {
        handler.AllowAutoRedirect = false;
        handler.UseProxy = false;
        handler.UseCookies = false;
        handler.AutomaticDecompression = DecompressionMethods.None;
        handler.ConnectTimeout = TimeSpan.FromSeconds(10);
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await resolver.ResolveAsync(host, cancellationToken);
            if (addresses.Length == 0) throw new RefusedAddressException($"{host} has no address.");
            if (addresses.FirstOrDefault(a => !isAllowed(a)) is { } refused)
            {
                throw new RefusedAddressException($"{host} resolves to {refused}, which is not a public address.");
            }

            var socket = new Socket(addresses[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(addresses[0], context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }
}

/// <summary>A fetch was refused because of where it would have gone.</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
