using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>
/// The offline generator (the default, and the demo's): fills format templates with topic words.
/// Every candidate is labelled with the format, topic and hook it was written for.
/// </summary>
public sealed class TemplateGenerator(Random random) : IContentGenerator
{
    private static readonly string[] Formats = ["list", "how_to", "hot_take", "question", "stat", "story", "one_liner"];

    public Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Pick(TopicVocabulary.Topics.Keys.ToArray());
            var format = Pick(Formats);
            var (text, hook) = Write(format, TopicVocabulary.Topics[topic]);
            candidates.Add(new Candidate(text, format, topic, hook, ContentFeatures.Of(text)));
        }

        return Task.FromResult<IReadOnlyList<Candidate>>(candidates);
    }

    public Task<string> GenerateReplyAsync(FoundTweet target, CancellationToken cancellationToken)
    {
        string[] openers = ["Strong point.", "This matches what I've seen.", "Underrated take.", "Agree, with one addition:"];
        string[] additions =
        [
            "the teams that write things down move twice as fast.",
            "most people skip the boring part, and that's where the results are.",
            "measure it for two weeks before changing anything.",
            "the second-order effects matter more than the first.",
        ];
        return Task.FromResult($"{Pick(openers)} {Pick(additions)}");
    }

    public Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken)
    {
        var words = TopicVocabulary.Topics.GetValueOrDefault(topic) ?? TopicVocabulary.Topics["productivity"];
        var lines = new List<string> { $"How to {words.Goal}: what {Number(3, 7)} years of {words.Name} taught me 🧵" };
        var things = words.Things.OrderBy(_ => random.Next()).ToList();
        string[] advice =
        [
            "start small, measure weekly, keep what works.",
            "write down what you tried and what happened.",
            "copy the best people for a month, then make it yours.",
            "cut the steps nobody would miss.",
            "do it before noon, when nothing else competes for it.",
            "ask one person who is a year ahead of you.",
        ];
        for (var i = 1; i < parts - 1; i++)
        {
            lines.Add($"{i + 1}/ {Capitalize(things[i % things.Count])}: {Pick(advice)}");
        }

        lines.Add($"{parts}/ That's it. Follow for more on {words.Name}.");
        return Task.FromResult<IReadOnlyList<string>>(lines);
    }

    private (string Text, string Hook) Write(string format, TopicVocabulary.TopicWords words)
    {
        var thing = Pick(words.Things);
        var n = Number(3, 9);
        return format switch
        {
            "list" => ($"{n} {words.Name} lessons I wish I knew earlier:\n\n" +
                string.Join('\n', words.Things.OrderBy(_ => random.Next()).Take(3).Select((t, i) => $"{i + 1}. {Capitalize(t)}")), "number"),
            "how_to" => ($"How to {words.Goal} in {n} weeks:\n\nFocus on {thing}. Ignore everything else until it works.", "curiosity"),
            "hot_take" => ($"Unpopular opinion: {thing} is overrated. Most people would win more by doing less of it.", "contrarian"),
            "question" => ($"What is the one thing about {thing} you wish someone had told you earlier?", "question"),
            "stat" => ($"{Number(55, 95)}% of people who try {thing} quit in the first {n} weeks. The ones who stay win.", "number"),
            "story" => ($"Last year I spent {n} months on {thing}. It changed how I think about {words.Name}.", "story"),
            _ => ($"You don't need more {words.Name} tips. You need {thing}.", "you"),
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private int Number(int min, int max) => random.Next(min, max + 1);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
