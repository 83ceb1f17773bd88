using System.Net;
using System.Net.Sockets;

namespace Conversations.Testing;

public static class FreePort
{
    /// <summary>
    /// A loopback port nobody listens on right now and that is not in <paramref name="taken"/>, so parallel hosts never
    /// fight over fixed defaults and one host never gets the same port twice.
    /// </summary>
    public static int Next(params IReadOnlyCollection<int> taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }
}
