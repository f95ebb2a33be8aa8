using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// The dashboards' access rule: a request straight from loopback is trusted when <see cref="DashboardOptions.TrustLoopback"/>
/// is on; anyone else must give the configured basic-auth credentials.
/// </summary>
internal static class DashboardAccess
{
    // What a reverse proxy adds (X-Original-For is where ASP.NET Core's forwarded-headers middleware moves X-Forwarded-For):
    // behind a proxy on the same machine every visitor comes from loopback, so loopback says nothing about who asks.
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    public static bool IsAllowed(HttpContext context, DashboardOptions options) =>
        (options.TrustLoopback && IsStraightFromLoopback(context)) || HasCredentials(context, options);

    /// <summary>Asks the browser for credentials instead of showing a bare 401.</summary>
    public static void Challenge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"FollowerLoop\", charset=\"UTF-8\"";
    }

    private static bool IsStraightFromLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey);

    private static bool HasCredentials(HttpContext context, DashboardOptions options)
    {
        if (string.IsNullOrEmpty(options.Password)
            || !AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), expected);
    }
}
