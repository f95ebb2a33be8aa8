namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// Holds every X API request (<c>/2/*</c>) for <see cref="SandboxOptions.ApiLatencyMs"/> before anything answers it,
/// a fault included: the round trip to api.x.com that a loopback address hides. Pages and GraphQL are not held.
/// </summary>
internal sealed class ApiLatencyMiddleware(RequestDelegate next, SandboxOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/2", StringComparison.OrdinalIgnoreCase))
        {
            // Wall-clock, like the slow fault: a network is no faster when the sandbox clock is accelerated.
            await Task.Delay(TimeSpan.FromMilliseconds(options.ApiLatencyMs), TimeProvider.System, context.RequestAborted);
        }

        await next(context);
    }
}
