using System.Globalization;
using FollowerLoop.Sandbox.Web.Api;
using FollowerLoop.Sandbox.Web.Assets;
using FollowerLoop.Sandbox.Web.GraphQl;
using FollowerLoop.Sandbox.Web.Pages;
using FollowerLoop.Sandbox.Web.Sessions;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>
/// Injects failures. A request's fault comes from, in order: the <c>X-Sandbox-Fault</c> header, the
/// <c>sandbox_fault</c> query parameter, the admin queue (next N requests under a path prefix), then
/// <see cref="SandboxOptions.DefaultFault"/>. The admin API, the assets and the locked account's page are never faulted.
/// </summary>
internal sealed class FaultMiddleware(
    RequestDelegate next,
    SandboxOptions options,
    FaultQueue queue,
    SessionStore sessions,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<FaultMiddleware> logger)
{
    public const string HeaderName = "X-Sandbox-Fault";
    public const string QueryName = "sandbox_fault";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || AssetEndpoints.IsAsset(path) || AccessPage.IsAccessPath(path))
        {
            await next(context);
            return;
        }

        var requested = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Query[QueryName].FirstOrDefault();
        SandboxFaultMode mode;
        if (requested is not null)
        {
            if (!FaultNames.TryParse(requested, out mode))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Unknown sandbox fault '{requested}'; use one of {FaultNames.Known}.", context.RequestAborted);
                return;
            }
        }
        else
        {
            mode = queue.TryTake(path) ?? options.DefaultFault;
        }

        if (mode != SandboxFaultMode.None)
        {
            Log.FaultInjected(logger, mode, context.Request.Method, path);
        }

        await ApplyAsync(mode, context, TargetOf(path));
    }

    private static FaultTarget TargetOf(string path) =>
        path.StartsWith("/i/api/", StringComparison.OrdinalIgnoreCase) ? FaultTarget.GraphQl
        : path.StartsWith("/2/", StringComparison.OrdinalIgnoreCase) ? FaultTarget.XApi
        : FaultTarget.Page;

    private async Task ApplyAsync(SandboxFaultMode mode, HttpContext context, FaultTarget target)
    {
        switch (mode)
        {
            case SandboxFaultMode.Slow:
                // Latency is wall-clock by nature: it must stay slow even when the sandbox clock is accelerated.
                await Task.Delay(TimeSpan.FromMilliseconds(options.SlowMs), TimeProvider.System, context.RequestAborted);
                await next(context);
                break;
            case SandboxFaultMode.Stalled:
                await StallAsync(context, target);
                break;
            case SandboxFaultMode.LoginWall:
                await (target switch
                {
                    FaultTarget.GraphQl => GraphQlErrors.NotAuthenticated(),
                    FaultTarget.XApi => ApiProblems.Unauthorized(),
                    _ => Results.Redirect(LoginRedirect.For(context.Request)),
                }).ExecuteAsync(context);
                break;
            case SandboxFaultMode.RateLimit or SandboxFaultMode.RateLimitPage:
                SetRateLimitHeaders(context.Response);
                await (target switch
                {
                    FaultTarget.GraphQl => GraphQlErrors.RateLimited(),
                    FaultTarget.XApi => ApiProblems.TooManyRequests(),
                    _ when mode == SandboxFaultMode.RateLimitPage => FaultPages.RateLimitedInApp(FaultedPage.ConfigOf(context, Viewer(context)), Viewer(context)),
                    _ => FaultPages.RateLimited(),
                }).ExecuteAsync(context);
                break;
            case SandboxFaultMode.Error or SandboxFaultMode.SpaError:
                // X's v2 API answers an internal failure with 503 problem JSON.
                await (target switch
                {
                    FaultTarget.GraphQl => GraphQlErrors.Internal(),
                    FaultTarget.XApi => ApiProblems.ServiceUnavailable(),
                    _ when mode == SandboxFaultMode.SpaError => FaultPages.ErrorInApp(FaultedPage.ConfigOf(context, Viewer(context)), Viewer(context)),
                    _ => FaultPages.Error(),
                }).ExecuteAsync(context);
                break;
            case SandboxFaultMode.Locked when target != FaultTarget.Page || !LoginRedirect.IsLoginFlow(context.Request.Path):
                await (target switch
                {
                    FaultTarget.GraphQl => GraphQlErrors.Locked(),
                    FaultTarget.XApi => ApiProblems.Forbidden(GraphQlErrors.LockedText),
                    _ => Results.Redirect(AccessPage.Path),
                }).ExecuteAsync(context);
                break;
            default:
                // The rest change what the endpoint renders (labels, text, the account's state, the login flow).
                context.SetFault(mode);
                await next(context);
                break;
        }
    }

    /// <summary>Starts the answer and never ends it: the client's own limits must give up, or the sandbox's stop ends it.</summary>
    private async Task StallAsync(HttpContext context, FaultTarget target)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.ContentType = target == FaultTarget.Page ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
        try
        {
            await context.Response.WriteAsync(target == FaultTarget.Page ? "<!DOCTYPE html><html><head>" : "{\"data\":", stall.Token);
            await context.Response.Body.FlushAsync(stall.Token);
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stall.Token);
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested)
        {
            // The client gave up, or the sandbox is stopping: the answer stays unfinished.
            context.Abort();
        }
    }

    private void SetRateLimitHeaders(HttpResponse response)
    {
        var retryAfter = (long)Math.Ceiling(options.RateLimitRetryAfter.TotalSeconds);
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-rate-limit-limit"] = "150";
        response.Headers["x-rate-limit-remaining"] = "0";
        response.Headers["x-rate-limit-reset"] = (clock.GetUtcNow().ToUnixTimeSeconds() + retryAfter).ToString(CultureInfo.InvariantCulture);
    }

    // The logged-in shell for a live session, as x.com's client renders its error states inside the app.
    private string? Viewer(HttpContext context) => sessions.Find(context.Request.Cookies[SessionStore.AuthCookie])?.Handle;
}
