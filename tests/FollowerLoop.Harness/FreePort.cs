using System.Net;
using System.Net.Sockets;

namespace FollowerLoop.Harness;

/// <summary>A loopback port free at the moment of asking (the OS picks it), for a server a test or a bench starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
