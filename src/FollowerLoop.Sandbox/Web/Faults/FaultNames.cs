namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>Reads fault names as people write them: "ratelimit", "rate-limit", "RateLimit", "login_wall".</summary>
internal static class FaultNames
{
    public static bool TryParse(string? text, out SandboxFaultMode mode)
    {
        var compact = (text ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        return Enum.TryParse(compact, ignoreCase: true, out mode) && Enum.IsDefined(mode) && !int.TryParse(compact, out _);
    }

    public static string Known => "none, slow, missing, loginwall, ratelimit, error, spanish, german, emoji, spaerror, ratelimitpage, deleted, protected, suspended, locked, challenge, stalled";
}
