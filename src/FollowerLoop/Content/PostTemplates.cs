namespace FollowerLoop.Content;

/// <summary>
/// The offline generator's post templates: several per format, with different hooks and lengths, so the
/// learner has real choices. Template wording avoids every topic's keywords, so the topic comes only from
/// the filled-in words.
/// </summary>
internal static class PostTemplates
{
    public static IReadOnlyList<PostTemplate> All { get; } =
    [
        new("list", "number", f => $"{f.N} {f.Name} lessons I wish I knew earlier:\n\n1. {f.Item1}\n2. {f.Item2}\n3. {f.Item3}"),
        new("list", "contrarian", f => $"Most people overcomplicate {f.Name}. What actually works:\n\n- {f.Item1}\n- {f.Item2}\n- {f.Item3}"),
        new("list", "you", f => $"If you want to {f.Goal}, start here:\n\n→ {f.Item1}\n→ {f.Item2}\n→ {f.Item3}"),

        new("how_to", "plain", f => $"How to {f.Goal} in {f.N} weeks:\n\nPut your energy into {f.Thing}. Ignore the rest until it works."),
        new("how_to", "curiosity", f => $"Here's how to {f.Goal} without burning out: start with {f.Thing}, then review it every Friday."),
        new("how_to", "plain", f => $"How I stopped wasting time in {f.Name}:\n\n{f.Item1} first, everything else later."),

        new("hot_take", "contrarian", f => $"Unpopular opinion: {f.Thing} is overrated. Most people would win more by doing less of it."),
        new("hot_take", "contrarian", f => $"Hot take: {f.Thing} is underrated. Nobody talks about how much it changes {f.Name}."),
        new("hot_take", "contrarian", f => $"Stop chasing {f.Name} hacks. {f.Item1} is overrated, consistency is not."),

        new("question", "question", f => $"What is the one thing about {f.Thing} you wish someone had told you earlier?"),
        new("question", "question", f => $"Be honest: how much time do you spend on {f.Thing} each week?"),
        new("question", "number", f => $"{f.N} years into {f.Name}, I still can't decide.\n\nIs {f.Thing} worth the time?"),

        new("stat", "number", f => $"{f.Percent}% of people who try {f.Thing} quit in the first {f.N} weeks. The ones who stay win."),
        new("stat", "plain", f => $"Teams that take {f.Thing} seriously ship {f.Multiplier}x faster. Small change, big gap."),
        new("stat", "plain", f => $"A survey of {f.N * 100} people in {f.Name}: {f.Percent}% say {f.Thing} mattered more than talent."),

        new("story", "story", f => $"Last year I spent {f.N} months on {f.Thing}. It changed how I think about {f.Name}."),
        new("story", "story", f => $"I ignored {f.Thing} for years. Then one bad week taught me more about {f.Name} than any book."),
        new("story", "story", f => $"My first attempt at {f.Thing} failed badly. The second one paid for the whole year."),

        new("one_liner", "you", f => $"You don't need more {f.Name} tips. You need {f.Thing}."),
        new("one_liner", "curiosity", f => $"The secret to {f.Name} is boring: {f.Thing}, every single day."),
        new("one_liner", "contrarian", f => $"Stop reading about {f.Thing}. Start doing it."),
    ];
}
