using System.Globalization;
using System.Text;
using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>
/// The prompts of the LLM generator: one line per requested post naming its format, topic and hook in words
/// the model can follow, and a strict JSON answer shape so an unusable answer is detected, not posted.
/// </summary>
internal static class LlmPrompts
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["list"] = "a one-line intro, then 3 to 5 short lines each starting with \"1.\", \"-\" or \"→\"",
        ["how_to"] = "practical advice whose first line starts with \"How to\" or \"Here's how\"",
        ["hot_take"] = "a contrarian opinion using words such as \"unpopular opinion\", \"overrated\" or \"underrated\"",
        ["question"] = "a question to the readers; the last line ends with \"?\"",
        ["stat"] = "built around one figure: a percentage, a multiplier such as 3x, or a survey result",
        ["story"] = "a short first-person story starting with \"I\", \"My\" or \"Last year\"",
        ["one_liner"] = "a single line of at most 100 characters",
    };

    private static readonly Dictionary<string, string> Hooks = new(StringComparer.Ordinal)
    {
        ["number"] = "the first line starts with a number",
        ["question"] = "the first line is a question",
        ["contrarian"] = "the first line pushes back (\"Stop\", \"Most people\", \"Unpopular opinion\")",
        ["you"] = "the first line speaks to the reader (\"You\", \"Your\", \"If you\")",
        ["curiosity"] = "the first line teases (\"Here's\", \"The secret\", \"Why\")",
        ["story"] = "the first line is in the first person (\"I\", \"My\", \"Last year\")",
        ["plain"] = "the first line is a plain statement",
    };

    public static string System =>
        $"""
        You write posts for an X (Twitter) account. Every post is at most {TweetLength.MaxWeightedLength} characters,
        in plain English, without links, and sounds like a person, not an ad. Answer with JSON only, no prose.
        """;

    public static string Posts(IReadOnlyList<ContentSpec> specs)
    {
        var prompt = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Write {specs.Count} different posts, one per line below, in this order:\n");
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var topic = TopicVocabulary.Topics.TryGetValue(spec.Topic, out var words) ? words.Name : spec.Topic;
            prompt.Append(CultureInfo.InvariantCulture, $"{i + 1}. Topic: {topic}. Format: {Formats.GetValueOrDefault(spec.Format, spec.Format)}. Hook: {Hooks.GetValueOrDefault(spec.Hook, spec.Hook)}.\n");
        }

        prompt.Append("""Answer exactly: {"posts":[{"text":"..."}, ...]} with one object per line above.""");
        return prompt.ToString();
    }

    public static string Reply(FoundTweet target) =>
        $$"""
        Write one short, friendly reply (at most 200 characters) that adds something to this post by @{{target.Handle}}:
        "{{target.Text}}"
        No hashtags. Answer exactly: {"text":"..."}
        """;

    public static string Thread(string topic, int parts) =>
        $$"""
        Write a thread of exactly {{parts}} posts about {{(TopicVocabulary.Topics.TryGetValue(topic, out var words) ? words.Name : topic)}}.
        The first post promises what the thread teaches and ends with 🧵; post n (from 2) starts with "n/".
        Answer exactly: {"parts":["...", ...]} with {{parts}} strings.
        """;
}
