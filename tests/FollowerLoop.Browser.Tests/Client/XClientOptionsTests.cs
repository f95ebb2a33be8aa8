using FollowerLoop.X;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class XClientOptionsTests
{
    [Fact]
    public void AddXClient_DefaultsWithAHandle_AreValidAndGiveTheBrowserClient()
    {
        using var host = Build([]);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = host.Services.GetRequiredService<IOptions<XClientOptions>>().Value;
        var browser = host.Services.GetRequiredService<IOptions<BrowserOptions>>().Value;

        Assert.IsType<PlaywrightXClient>(host.Services.GetRequiredService<IXClient>());
        Assert.Equal(new Uri("https://x.com"), options.BaseUrl);
        Assert.Equal("/usr/bin/chromium", browser.ExecutablePath);
        Assert.True(browser.Headless);
    }

    [Theory]
    [InlineData("Browser:ExecutablePath", "/nowhere/chromium", "Browser:ExecutablePath '/nowhere/chromium' does not exist")]
    [InlineData("Browser:LaunchTimeout", "00:00:00", "Browser:LaunchTimeout must be between")]
    [InlineData("XClient:Handle", "@someone", "XClient:Handle must be 1-15 letters")]
    [InlineData("XClient:SessionStateJson", "{\"secret\": 1}", "XClient:SessionStateJson is not a Playwright storage state")]
    [InlineData("XClient:Username", "someone", "XClient:Username and XClient:Password go together")]
    [InlineData("XClient:BaseUrl", "ftp://x.com", "XClient:BaseUrl 'ftp://x.com/' must be an absolute http(s) address")]
    [InlineData("XClient:NavigationTimeout", "00:00:00", "XClient:NavigationTimeout must be between")]
    [InlineData("XClient:StorageStatePath", "", "XClient:StorageStatePath is required")]
    public void AddXClient_BadSetting_StopsStartWithAMessageNamingIt(string key, string value, string message)
    {
        using var host = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.Contains(message, StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XClient:Handle"] = "someone" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddXClient();
        return builder.Build();
    }
}
