using System.Net;
using System.Net.Sockets;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>Where the task hub's gRPC endpoint listens: chosen once, before the worker and client are built.</summary>
internal sealed class TaskHubSidecarAddress
{
    public TaskHubSidecarAddress(int configuredPort)
    {
        Port = configuredPort != 0 ? configuredPort : FreeLoopbackPort();
    }

    public int Port { get; }

    public Uri Uri => new($"http://127.0.0.1:{Port}");

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
