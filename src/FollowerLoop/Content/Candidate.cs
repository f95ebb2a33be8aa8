namespace FollowerLoop.Content;

/// <summary>A post the generator proposes, with the labels it was written for and its measurable features.</summary>
public sealed record Candidate(string Text, string Format, string Topic, string Hook, ContentFeatures Features);
