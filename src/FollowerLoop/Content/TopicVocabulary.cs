namespace FollowerLoop.Content;

/// <summary>The topics FollowerLoop writes about, each with words a reader associates with it.</summary>
public static class TopicVocabulary
{
    public static IReadOnlyDictionary<string, TopicWords> Topics { get; } = new Dictionary<string, TopicWords>
    {
        ["ai"] = new("AI", ["prompts", "AI agents", "LLMs", "model evals", "ChatGPT workflows"], "ship an AI feature"),
        ["startups"] = new("startups", ["founders", "MRR", "fundraising", "product market fit", "SaaS pricing"], "grow a bootstrapped startup"),
        ["productivity"] = new("productivity", ["deep work", "habits", "a morning routine", "focus blocks", "your calendar"], "get more done with less focus lost"),
        ["marketing"] = new("marketing", ["newsletters", "copywriting", "landing page conversion", "SEO", "distribution"], "grow an audience"),
        ["career"] = new("career", ["interviews", "salary talks", "promotion", "your manager", "remote work"], "get promoted faster"),
        ["coding"] = new("coding", ["debugging", "refactoring", "unit tests", "code review", "SQL queries"], "write code that lasts"),
    };

    public sealed record TopicWords(string Name, IReadOnlyList<string> Things, string Goal);
}
