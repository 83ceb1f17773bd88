using System.Net;
using System.Net.Sockets;

namespace Conversations.Meta.Tests;

/// <summary>
/// A loopback port that never completes a TCP handshake: a listener with a backlog of zero whose one queue slot is
/// taken and never accepted, so the kernel drops further SYNs and a connect hangs until the client's connect timeout.
/// </summary>
public sealed class UnresponsiveListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public UnresponsiveListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        for (var i = 0; i < 2; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            // Completes for the first filler; the second one's SYN is already dropped, which is the point.
            _ = filler.ConnectAsync(IPAddress.Loopback, Port).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }

        Thread.Sleep(100);
    }

    public int Port { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
