using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace FollowerLoop.Sandbox.Web.Profiles;

/// <summary>
/// A position in a profile timeline. Clients get it opaque, as x.com's cursors are: base64url of <c>bottom:{postId}</c>
/// (the posts older than that post) or <c>top:{postId}</c> (the posts newer than it).
/// </summary>
internal sealed record TimelineCursor(CursorType Type, long PostId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix(Type)}:{PostId}")));

    /// <summary>Reads a cursor this sandbox issued; anything else is not one.</summary>
    public static bool TryDecode(string value, out TimelineCursor? cursor)
    {
        cursor = null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            return false;
        }

        var type = text[..colon];
        cursor = type == Prefix(CursorType.Top) ? new TimelineCursor(CursorType.Top, postId)
            : type == Prefix(CursorType.Bottom) ? new TimelineCursor(CursorType.Bottom, postId)
            : null;
        return cursor is not null;
    }

    private static string Prefix(CursorType type) => type == CursorType.Top ? "top" : "bottom";
}
