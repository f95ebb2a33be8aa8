using FollowerLoop.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Bench.Scrape;

/// <summary>The browser client as the worker wires it (AddXClient), silent (no log providers), against the sandbox.</summary>
internal static class ClientHosts
{
    public static Dictionary<string, string?> Settings(Uri baseUrl, string handle, string password, string sessionPath) => new()
    {
        ["XClient:BaseUrl"] = baseUrl.ToString(),
        ["XClient:Handle"] = handle,
        ["XClient:Username"] = handle,
        ["XClient:Password"] = password,
        ["XClient:StorageStatePath"] = sessionPath,
    };

    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddXClient();
        return builder.Build();
    }

    /// <summary>Disposes the host's services asynchronously: the client closes its context and pages, then the browser closes.</summary>
    public static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asynchronous)
        {
            await asynchronous.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
