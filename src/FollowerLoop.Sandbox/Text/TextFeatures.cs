namespace FollowerLoop.Sandbox.Text;

/// <summary>What the audience model sees of a post's text.</summary>
public sealed record TextFeatures(
    PostFormat Format,
    PostTopic Topic,
    PostHook Hook,
    LengthBucket Length,
    int WeightedLength,
    int LineCount,
    bool HasNumber,
    bool HasQuestion,
    int EmojiCount,
    int HashtagCount,
    int LinkCount);
