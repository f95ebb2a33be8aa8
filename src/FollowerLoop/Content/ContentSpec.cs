namespace FollowerLoop.Content;

/// <summary>What one post is asked to be: its format, topic and opening hook.</summary>
public sealed record ContentSpec(string Format, string Topic, string Hook);
