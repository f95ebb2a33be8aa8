using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>
/// A scripted HTTP stub on a free loopback port for the X API client's unit tests: each route answers with the responses
/// queued for it, in order, the last one repeating; unknown routes get 404. Every request is recorded.
/// Not the sandbox (an X look-alike with its own behaviour): a test here injects the exact answer it needs (a 429 with
/// given headers, a 503, a malformed body, a documented example) and checks the exact request the client sent.
/// </summary>
public sealed class ScriptedXApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedXApi(WebApplication app)
    {
        _app = app;
        _app.Run(AnswerAsync);
    }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedXApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var api = new ScriptedXApi(builder.Build());
        await api._app.StartAsync();
        return api;
    }

    /// <summary>Queues answers for <paramref name="method"/> <paramref name="path"/> (no query).</summary>
    public void On(string method, string path, params ScriptedResponse[] responses)
    {
        var queue = _routes.GetOrAdd($"{method} {path}", _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(request => request.Method == method && request.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.Headers.Authorization.FirstOrDefault(), body));
        var response = Next($"{request.Method} {request.Path.Value}") ?? new ScriptedResponse(404, """{"title":"Not Found Error","detail":"no such route in the script","type":"about:blank","status":404}""");
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private ScriptedResponse? Next(string route)
    {
        if (!_routes.TryGetValue(route, out var queue))
        {
            return null;
        }

        // The last answer stays: it serves every later request.
        return queue.Count > 1 && queue.TryDequeue(out var next) ? next : queue.TryPeek(out var last) ? last : null;
    }
}
