using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Tests.Content;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 (a free port): POST /v1/chat/completions answers with
/// whatever <see cref="Reply"/> builds from the request, after <see cref="Delay"/>. Requests are recorded.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The assistant message's content for a request's JSON body.</summary>
    public Func<JsonElement, string> Reply { get; set; } = _ => "{}";

    public TimeSpan Delay { get; set; }

    public List<(string? Authorization, JsonElement Body)> Requests { get; } = [];

    public Uri Endpoint => new($"{_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()}/v1");

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (server.Requests)
            {
                server.Requests.Add((context.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            }

            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, context.RequestAborted);
            }

            return Results.Json(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = body.RootElement.GetProperty("model").GetString(),
                choices = new[] { new { index = 0, message = new { role = "assistant", content = server.Reply(body.RootElement) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
