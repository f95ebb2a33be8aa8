using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Admin;

/// <summary>The admin API answers only <c>Authorization: Bearer {AdminToken}</c>; anything else gets 401.</summary>
internal sealed class AdminTokenFilter(SandboxOptions options, ILogger<AdminTokenFilter> logger) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.AdminToken)))
        {
            Log.AdminRefused(logger, http.Request.Path);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                title: "Admin token required",
                detail: "Send Authorization: Bearer <admin token> (the sandbox's --admin-token).",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
