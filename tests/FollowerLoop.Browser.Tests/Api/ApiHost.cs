using FollowerLoop.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>The client as the worker wires it (<c>AddXClient</c>, provider Api) against an X API (a <see cref="ScriptedXApi"/> or the sandbox), on a fake clock.</summary>
public sealed class ApiHost : IDisposable
{
    public const string Handle = "fl_api";
    public const string AccessToken = "access-1";
    public const string RefreshToken = "refresh-1";

    /// <summary>Close to when these tests were written, so snowflake ids made from it are "recent".</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    /// <param name="api">The X API's base address.</param>
    /// <param name="tokenStorePath">The OAuth 2.0 token file.</param>
    /// <param name="settings">Settings over the defaults (a null value removes one).</param>
    /// <param name="register">More services (a usage store on a test database).</param>
    public ApiHost(Uri api, string tokenStorePath, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? register = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XClient:Provider"] = "Api",
            ["XClient:Handle"] = Handle,
            ["XApi:BaseUrl"] = api.ToString(),
            ["XApi:OAuth2:AccessToken"] = AccessToken,
            ["XApi:OAuth2:RefreshToken"] = RefreshToken,
            ["XApi:OAuth2:ClientId"] = "client-1",
            ["XApi:OAuth2:TokenStorePath"] = tokenStorePath,
            ["XApi:MetricsBatchWindow"] = "00:00:00.200",
            ["XApi:RequestTimeout"] = "00:00:05",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddFakeLogging();
        register?.Invoke(builder.Services);
        builder.AddXClient();
        _host = builder.Build();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public IXClient Client => _host.Services.GetRequiredService<IXClient>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Every log line so far, as text with its structured values.</summary>
    public IReadOnlyList<string> Logs => _host.Services.GetFakeLogCollector().GetSnapshot().Select(record => $"{record.Id.Id} {record.Message}").ToList();

    /// <summary>A post id X would have given a post made <paramref name="ago"/> before <see cref="Start"/> (ids are snowflakes: time since 2010-11-04 shifted left 22 bits).</summary>
    public static string TweetIdPosted(TimeSpan ago) =>
        (((Start - ago).ToUnixTimeMilliseconds() - 1288834974657L) << 22).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _host.Dispose();
}
