using FollowerLoop.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>Scripting x.com's website breaks X's rules: the app says so when it starts, quoting the rule.</summary>
public sealed class BrowserTransportWarningTests
{
    [Theory]
    [InlineData("Browser", "https://x.com", true)]
    [InlineData("ApiReadsBrowserPosts", "https://x.com", true)]
    [InlineData("Browser", "https://twitter.com", true)]
    [InlineData("Browser", "http://127.0.0.1:5199", false)]
    [InlineData("Api", "https://x.com", false)]
    public async Task StartUp_WarnsWhenTheBrowserDrivesTheRealSite(string provider, string baseUrl, bool warns)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XClient:Handle"] = "someone",
            ["XClient:Provider"] = provider,
            ["XClient:BaseUrl"] = baseUrl,
            ["XApi:OAuth2:ClientId"] = "client",
            ["XApi:OAuth2:RefreshToken"] = "refresh",
            ["XApi:OAuth2:TokenStorePath"] = Path.Combine(Path.GetTempPath(), $"fl-warning-{Guid.NewGuid():N}.json"),
        });
        builder.Services.AddFakeLogging();
        builder.AddXClient();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        var warnings = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 3015).ToList();
        Assert.Equal(warns ? 1 : 0, warnings.Count);
        if (warns)
        {
            Assert.Contains("permanent suspension of your account", warnings[0].Message, StringComparison.Ordinal);
            Assert.Contains($"XClient:Provider {provider}", warnings[0].Message, StringComparison.Ordinal);
        }
    }
}
