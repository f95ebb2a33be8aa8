namespace FollowerLoop.Sandbox.Text;

/// <summary>
/// The topic vocabulary. Matching is on lower-cased words (a leading '#' is dropped, so "#AI" counts as "ai");
/// a phrase matches as consecutive words. A topic's score is how many of its keywords appear.
/// </summary>
public static class TopicKeywords
{
    public static IReadOnlyDictionary<PostTopic, IReadOnlyList<string>> ByTopic { get; } = new Dictionary<PostTopic, IReadOnlyList<string>>
    {
        [PostTopic.Ai] =
        [
            "ai", "gpt", "chatgpt", "llm", "llms", "machine learning", "ml", "neural", "model", "models", "prompt", "prompts",
            "agent", "agents", "openai", "claude", "gemini", "transformer", "deep learning", "genai", "copilot",
        ],
        [PostTopic.Startups] =
        [
            "startup", "startups", "founder", "founders", "vc", "fundraising", "seed round", "series a", "mrr", "arr", "saas",
            "bootstrapped", "bootstrapping", "indie hacker", "product market fit", "pmf", "yc", "investors", "build in public",
        ],
        [PostTopic.Productivity] =
        [
            "productivity", "productive", "focus", "habit", "habits", "routine", "deep work", "time management", "procrastination",
            "morning", "todo", "to do list", "calendar", "pomodoro", "distraction", "distractions", "notion", "deadline",
        ],
        [PostTopic.Marketing] =
        [
            "marketing", "seo", "brand", "branding", "audience", "content", "copywriting", "funnel", "conversion", "newsletter",
            "ads", "growth", "engagement", "followers", "viral", "email list", "landing page", "distribution",
        ],
        [PostTopic.Career] =
        [
            "career", "job", "jobs", "interview", "interviews", "resume", "salary", "promotion", "manager", "hiring", "hired",
            "remote work", "layoffs", "boss", "raise", "linkedin", "mentor", "junior", "senior",
        ],
        [PostTopic.Coding] =
        [
            "code", "coding", "programming", "programmer", "developer", "developers", "bug", "bugs", "javascript", "typescript",
            "python", "rust", "c#", "csharp", "dotnet", "git", "api", "refactor", "refactoring", "debugging", "frontend",
            "backend", "sql", "compiler", "unit tests",
        ],
        [PostTopic.Finance] =
        [
            "money", "invest", "investing", "stocks", "savings", "budget", "debt", "income", "wealth", "compound interest",
            "retirement", "crypto", "bitcoin", "portfolio", "index funds", "net worth",
        ],
        [PostTopic.Health] =
        [
            "health", "sleep", "exercise", "workout", "gym", "diet", "nutrition", "running", "walking", "stress", "meditation",
            "mental health", "fitness", "burnout", "steps",
        ],
    };
}
