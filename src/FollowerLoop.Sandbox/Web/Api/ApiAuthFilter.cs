using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>/2/*</c> answers <c>Authorization: Bearer</c> with the sandbox's <see cref="SandboxOptions.ApiToken"/> or a live
/// access token from <c>POST /2/oauth2/token</c>; anything else gets X's 401 problem.
/// </summary>
internal sealed class ApiAuthFilter(SandboxOptions options, ApiTokenStore tokens, ILogger<ApiAuthFilter> logger) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        var accepted = presented.Length > 0
            && (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.ApiToken)) || tokens.IsLive(presented));
        if (!accepted)
        {
            Log.ApiRefused(logger, http.Request.Path);
            return ApiProblems.Unauthorized();
        }

        return await next(context);
    }
}
