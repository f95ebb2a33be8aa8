namespace FollowerLoop.Content;

/// <summary>
/// The topics FollowerLoop writes about, each with words a reader associates with it. Every "thing" names
/// the topic in its own words, so a post about it reads as that topic whatever template it is in.
/// </summary>
public static class TopicVocabulary
{
    public static IReadOnlyDictionary<string, TopicWords> Topics { get; } = new Dictionary<string, TopicWords>
    {
        ["ai"] = new("AI", "AI", ["prompts", "AI agents", "LLMs", "model evals", "ChatGPT workflows", "GPT side projects", "open models", "neural search"], "ship an AI feature"),
        ["startups"] = new("startups", "startups", ["founders", "MRR", "fundraising", "product market fit", "SaaS pricing", "a seed round", "investors", "bootstrapping"], "grow a bootstrapped startup"),
        ["productivity"] = new("productivity", "productivity", ["deep work", "habits", "a morning routine", "focus blocks", "your calendar", "a todo list", "pomodoro sprints", "a hard deadline"], "get more done with less focus lost"),
        ["marketing"] = new("marketing", "marketing", ["your newsletter", "copywriting", "landing page conversion", "SEO", "distribution", "an email list", "branding", "paid ads"], "grow an audience"),
        ["career"] = new("career", "career", ["interviews", "salary talks", "a promotion", "your manager", "remote work", "your resume", "a mentor", "hiring loops"], "get promoted faster"),
        ["coding"] = new("coding", "coding", ["debugging", "refactoring", "unit tests", "code review", "SQL queries", "git history", "API design", "TypeScript"], "write code that lasts"),
    };

    /// <param name="Name">How the topic reads in a sentence.</param>
    /// <param name="Hashtag">The tag (without #) a post on the topic may carry.</param>
    /// <param name="Things">Subjects within the topic.</param>
    /// <param name="Goal">What a reader of the topic wants, as a verb phrase.</param>
    public sealed record TopicWords(string Name, string Hashtag, IReadOnlyList<string> Things, string Goal);
}
