using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>
/// The offline generator (the default, and the demo's): fills templates with topic words. Formats follow the
/// strategy's mix (half of them; the rest evenly, and the model still decides what wins), and a few posts
/// get a hashtag or an emoji so those features vary too. Every candidate is labelled with the format, topic and hook it was written for.
/// </summary>
public sealed class TemplateGenerator(Random random) : IContentGenerator
{
    private const double HashtagChance = 0.15;
    private const double EmojiChance = 0.15;
    private static readonly string[] Emoji = ["🚀", "💡", "👇", "🔥"];

    private static readonly string[] ReplyOpeners =
    [
        "Strong point.", "This matches what I've seen.", "Underrated take.", "Agree, with one addition:",
        "Saving this.", "Good thread.", "Exactly this.", "Worth repeating:",
    ];

    /// <summary>Someone answered or quoted one of the account's posts: thank them before adding something.</summary>
    private static readonly string[] ThanksOpeners =
    [
        "Thanks for reading!", "Glad it was useful.", "Appreciate you sharing it.", "Thank you!", "Glad it landed.",
        "Thanks, and one more thing:",
    ];

    private static readonly string[] ReplyAdditions =
    [
        "the teams that write things down move twice as fast", "most people skip the boring part, and that's where the results are",
        "measure it for two weeks before changing anything", "the second-order effects matter more than the first",
        "small weekly reviews beat big yearly plans", "the hard part is saying no to the good ideas",
        "doing it badly for a month teaches more than reading about it for a year", "the people who last are the ones who keep it simple",
        "it only works if you can explain it to a beginner", "consistency hides in the calendar, not in motivation",
    ];

    private static readonly string[] ReplyClosers = [".", ". Curious what others think.", ". Learned that the hard way.", "."];

    private static readonly string[] ThreadAdvice =
    [
        "start small, measure weekly, keep what works.", "write down what you tried and what happened.",
        "copy the best people for a month, then make it yours.", "cut the steps nobody would miss.",
        "do it before noon, when nothing else competes for it.", "ask one person who is a year ahead of you.",
        "make the first version embarrassingly simple.", "review it every Friday for ten minutes.",
    ];

    public Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Pick(ContentLabels.Topics);
            var format = mix.Draw(random);
            var template = Pick(PostTemplates.All.Where(t => t.Format == format).ToList());
            var words = TopicVocabulary.Topics[topic];
            var text = AddOns(template.Write(Fill(words)), words);
            candidates.Add(new Candidate(text, template.Format, topic, template.Hook, ContentFeatures.Of(text)));
        }

        return Task.FromResult<IReadOnlyList<Candidate>>(candidates);
    }

    public Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken)
    {
        var openers = summons.Kind is MentionKind.Reply or MentionKind.Quote ? ThanksOpeners : ReplyOpeners;
        return Task.FromResult($"{Pick(openers)} {Capitalize(Pick(ReplyAdditions))}{Pick(ReplyClosers)}");
    }

    public Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken)
    {
        var words = TopicVocabulary.Topics.GetValueOrDefault(topic) ?? TopicVocabulary.Topics[ContentLabels.Topics[0]];
        string[] openers =
        [
            $"How to {words.Goal}: what {Number(3, 9)} years of {words.Name} taught me 🧵",
            $"A thread on {words.Name}: {parts - 2} things I'd tell my younger self 🧵",
            $"{parts - 2} {words.Name} lessons that took me {Number(2, 9)} years, in one thread 🧵",
        ];
        string[] closers =
        [
            $"{parts}/ That's it. Follow for more on {words.Name}.",
            $"{parts}/ If one of these helped, the first post is worth sharing.",
            $"{parts}/ Which one will you try this week?",
        ];
        var things = words.Things.OrderBy(_ => random.Next()).ToList();
        var advice = ThreadAdvice.OrderBy(_ => random.Next()).ToList();
        var lines = new List<string> { Pick(openers) };
        for (var i = 1; i < parts - 1; i++)
        {
            lines.Add($"{i + 1}/ {Capitalize(things[i % things.Count])}: {advice[i % advice.Count]}");
        }

        lines.Add(Pick(closers));
        return Task.FromResult<IReadOnlyList<string>>(lines);
    }

    private TemplateFill Fill(TopicVocabulary.TopicWords words) =>
        new(words, words.Things.OrderBy(_ => random.Next()).Take(3).ToList(), Number(3, 9), Number(55, 95), Number(2, 10));

    // A tag after the closing "?" would stop a question reading as one, so questions get none.
    private string AddOns(string text, TopicVocabulary.TopicWords words)
    {
        if (text.EndsWith('?'))
        {
            return text;
        }

        if (random.NextDouble() < HashtagChance)
        {
            text += $" #{words.Hashtag}";
        }

        if (random.NextDouble() < EmojiChance)
        {
            text += $" {Pick(Emoji)}";
        }

        return text;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private int Number(int min, int max) => random.Next(min, max + 1);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
