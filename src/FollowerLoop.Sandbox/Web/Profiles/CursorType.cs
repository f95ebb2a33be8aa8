namespace FollowerLoop.Sandbox.Web.Profiles;

/// <summary>x.com's two timeline cursors: Top asks for newer posts, Bottom for older ones.</summary>
internal enum CursorType
{
    Top,
    Bottom,
}
