namespace FollowerLoop.Content;

/// <summary>
/// The formats and hooks FollowerLoop writes (and the model knows). Topics are the keys of
/// <see cref="TopicVocabulary.Topics"/>. A candidate labelled with anything else is "other" to the model.
/// </summary>
public static class ContentLabels
{
    public const string Thread = "thread";

    public static IReadOnlyList<string> PostFormats { get; } = ["list", "how_to", "hot_take", "question", "stat", "story", "one_liner"];

    /// <summary>Every format the model has a weight for: the post formats and thread parts.</summary>
    public static IReadOnlyList<string> Formats { get; } = [.. PostFormats, Thread];

    public static IReadOnlyList<string> Hooks { get; } = ["number", "question", "contrarian", "you", "curiosity", "story", "plain"];

    public static IReadOnlyList<string> Topics { get; } = [.. TopicVocabulary.Topics.Keys];
}
