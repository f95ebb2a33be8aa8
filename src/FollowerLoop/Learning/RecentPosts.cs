namespace FollowerLoop.Learning;

/// <summary>Own posts within one window before a post: of its format, of its topic, and of any kind.</summary>
public readonly record struct RecentPosts(int SameFormat, int SameTopic, int All);
