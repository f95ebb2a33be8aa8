namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>Applies <see cref="ApiRateLimits"/> per route (method and pattern, so every id shares one window).</summary>
internal sealed class ApiRateLimitFilter(ApiRateLimits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "/";
        return limits.TryTake($"{http.Request.Method} {pattern}", http.Response) ? await next(context) : ApiProblems.TooManyRequests();
    }
}
