using FollowerLoop.X.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Browser;

/// <summary>
/// Says at start, once, that driving x.com's website breaks X's automation rules: the browser stays for the
/// sandbox, dry runs and users who accept the risk, but a real account should use the API.
/// </summary>
internal sealed class BrowserTransportWarning(XClientProvider provider, IOptions<XClientOptions> options, ILogger<BrowserTransportWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.TargetsRealX)
        {
            Log.BrowserOnRealSite(logger, provider, options.Value.BaseUrl.ToString());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
