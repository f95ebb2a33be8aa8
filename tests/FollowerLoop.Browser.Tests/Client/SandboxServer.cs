using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>The sandbox started in-process on a free loopback port, with its admin API at hand.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    public const string Handle = "fl_browser";

    /// <summary>How long the sandbox's "slow" fault holds a response.</summary>
    public static readonly TimeSpan SlowFault = TimeSpan.FromMilliseconds(1500);

    /// <summary>What the sandbox's rate-limit fault asks a client to wait.</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(42);

    private readonly WebApplication _app;
    private readonly HttpClient _admin;

    private SandboxServer(WebApplication app, SandboxOptions options)
    {
        _app = app;
        Password = options.Password;
        ApiToken = options.ApiToken;
        BaseAddress = SandboxApp.GetBaseAddress(app);
        _admin = new HttpClient { BaseAddress = BaseAddress };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminToken);
    }

    public Uri BaseAddress { get; }

    public string Password { get; }

    /// <summary>The bearer token the sandbox's X API (<c>/2/*</c>) takes.</summary>
    public string ApiToken { get; }

    /// <summary>The sandbox's ground truth (its clock is stepped, so it holds still while a test compares).</summary>
    public SandboxWorld World => SandboxApp.GetWorld(_app);

    /// <param name="audienceFile">An audience JSON instead of the default one (a small account, say).</param>
    /// <param name="slow">How late the <c>slow</c> fault answers (<see cref="SlowFault"/> when null).</param>
    public static async Task<SandboxServer> StartAsync(string? audienceFile = null, TimeSpan? slow = null)
    {
        var options = new SandboxOptions
        {
            AudienceFile = audienceFile,
            Urls = "http://127.0.0.1:0",
            Handle = Handle,
            Password = $"pw-{Guid.NewGuid():N}",
            AdminToken = $"admin-{Guid.NewGuid():N}",
            AudienceSeed = 11,
            Clock = SandboxClockMode.Stepped,
            SlowMs = (int)(slow ?? SlowFault).TotalMilliseconds,
            RateLimitRetryAfter = RateLimitWait,
        };
        var app = SandboxApp.Build(options);
        await app.StartAsync();
        return new SandboxServer(app, options);
    }

    /// <summary>The next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> get <paramref name="mode"/>.</summary>
    public async Task QueueFaultAsync(string mode, string pathPrefix, int count = 1)
    {
        using var response = await _admin.PostAsJsonAsync("/admin/faults", new { mode, pathPrefix, count });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until every queued fault has been taken by a request (one may still be answering, slowly).</summary>
    public Task UntilNoFaultQueuedAsync() =>
        Eventually.TrueAsync(
            async () => (await _admin.GetFromJsonAsync<JsonElement>("/admin/faults")).GetArrayLength() == 0,
            TimeSpan.FromSeconds(30),
            "every queued fault to be taken by a request");

    /// <summary>Drops every queued fault, so that one a test did not use up cannot reach the next test.</summary>
    public async Task ClearFaultsAsync()
    {
        using var response = await _admin.DeleteAsync("/admin/faults");
        response.EnsureSuccessStatusCode();
    }

    public async Task ExpireSessionsAsync()
    {
        using var response = await _admin.PostAsync("/admin/sessions/expire", content: null);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await _admin.PostAsJsonAsync("/admin/clock/advance", new { by });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
