using System.Net;
using System.Net.Sockets;

namespace Conversations.EndToEnd.Tests;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now and not in <paramref name="taken"/>, so one host never gets a port twice.</summary>
    public static int Next(IReadOnlyCollection<int> taken)
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
