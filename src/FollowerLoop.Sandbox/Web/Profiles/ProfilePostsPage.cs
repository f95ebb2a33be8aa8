using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Profiles;

/// <summary>One page of a profile's Posts tab, newest first, with the cursors to the newer and the older posts.</summary>
internal sealed record ProfilePostsPage(IReadOnlyList<TweetView> Posts, TimelineCursor Top, TimelineCursor Bottom);
