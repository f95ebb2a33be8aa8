using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Worker.Engine;

/// <summary>The dashboards' access rule: loopback is trusted; anyone else must give the configured basic-auth credentials.</summary>
internal static class DashboardAccess
{
    public static bool IsAllowed(HttpContext context, DashboardOptions options)
    {
        if (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return true;
        }

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

    /// <summary>Asks the browser for credentials instead of showing a bare 401.</summary>
    public static void Challenge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"FollowerLoop\", charset=\"UTF-8\"";
    }
}
