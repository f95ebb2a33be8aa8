using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// Serves the task hub to the Durable Task client over gRPC, on loopback only: the public
/// <see cref="TaskHubGrpcServer"/> on the Azure Storage provider, in a small web host of its own (HTTP/2),
/// apart from the dashboards' Kestrel. It creates the task hub's tables and queues if they are missing.
/// It never takes work items (<see cref="TaskHubGrpcServerMode.ApiServerOnly"/>): <see cref="TaskHubWorkerService"/> runs them.
/// </summary>
internal sealed class TaskHubSidecar(
    AzureStorageOrchestrationService service,
    TaskHubSidecarAddress address,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        // Only the loopback endpoint below: not the dashboards' `urls`, which this host would otherwise read too.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, address.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(options => options.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _app = builder.Build();
        _app.MapGrpcService<TaskHubGrpcServer>();
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
