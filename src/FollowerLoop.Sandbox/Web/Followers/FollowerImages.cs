using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Followers;

/// <summary>A follower's profile picture as X links it; X's default picture has a fixed address, which is how clients tell it.</summary>
internal static class FollowerImages
{
    public const string DefaultImage = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";

    public static string UrlOf(SandboxFollower follower) =>
        follower.Facts.DefaultProfileImage ? DefaultImage : $"https://pbs.twimg.com/profile_images/{follower.UserId}/photo_normal.jpg";
}
