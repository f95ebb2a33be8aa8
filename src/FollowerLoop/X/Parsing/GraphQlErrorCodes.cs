namespace FollowerLoop.X.Parsing;

/// <summary>x.com's error codes and unavailability reasons, as kinds; the same in every interface language.</summary>
internal static class GraphQlErrorCodes
{
    public static XErrorKind KindOf(int? code) => code switch
    {
        88 => XErrorKind.RateLimited,
        130 or 131 => XErrorKind.Unavailable,
        // No data for that id, page does not exist, no status found, user not found, post not available.
        8 or 34 or 50 or 144 or 421 or 422 => XErrorKind.NotFound,
        37 or 63 or 64 => XErrorKind.Suspended,
        179 => XErrorKind.Protected,
        326 => XErrorKind.Locked,
        32 or 89 or 215 => XErrorKind.LoggedOut,
        _ => XErrorKind.Other,
    };

    /// <summary>The reason of an unavailable user or post; a missing reason means gone.</summary>
    public static XErrorKind KindOfReason(string? reason) => reason switch
    {
        "Suspended" => XErrorKind.Suspended,
        "Protected" => XErrorKind.Protected,
        null or "Deleted" or "NotFound" => XErrorKind.NotFound,
        _ => XErrorKind.Other,
    };

    public static bool IsRetryable(XErrorKind kind) => kind is XErrorKind.RateLimited or XErrorKind.Unavailable;
}
