using FollowerLoop.Sandbox.Web.Faults;
using Microsoft.AspNetCore.WebUtilities;

namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>x.com's login wall: back to <c>/i/flow/login</c>, remembering where the user was going.</summary>
internal static class LoginRedirect
{
    public const string LoginPath = "/i/flow/login";

    public const string ChallengePath = "/account/login_challenge";

    /// <summary>The login form and its challenge, which stay reachable whatever state the account is in.</summary>
    public static bool IsLoginFlow(PathString path) =>
        path.StartsWithSegments(LoginPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(ChallengePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The login URL for this request; a sandbox fault parameter is dropped so logging in does not land on the fault again.</summary>
    public static string For(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !string.Equals(pair.Key, FaultMiddleware.QueryName, StringComparison.OrdinalIgnoreCase));
        var target = request.Path + QueryString.Create(query);
        return $"{LoginPath}?redirect_after_login={Uri.EscapeDataString(target)}";
    }

    /// <summary>Only a local path is followed after login, never another site.</summary>
    public static string SafeTarget(string? target) =>
        !string.IsNullOrEmpty(target) && target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/\\", StringComparison.Ordinal)
            ? target
            : "/home";
}
