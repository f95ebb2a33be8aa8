namespace FollowerLoop.Sandbox.World;

/// <summary>The other accounts of the sandbox world. Their order fixes their post ids: only ever append.</summary>
internal static class SeededAccounts
{
    public static IReadOnlyList<OtherAccount> All { get; } =
    [
        new("ai_signal_daily", "AI Signal Daily", "The AI news that matters, once a day.", 48_200, 410, 0.45,
        [
            "New open-weights model beats last year's frontier on {n} of 12 reasoning benchmarks. The gap is closing fast.",
            "Most AI agents fail at step {n} of a real workflow. Evals on toy tasks hide it.",
            "Prompting tip: give the model the format of the answer before the question. Cut my retries by half.",
            "What is the one AI tool you actually use every day? Not the hyped one, the one you open.",
            "LLMs are great at drafts and bad at last-mile accuracy. Build your product around that.",
            "Small models + good retrieval beat big models + bad data. Every time.",
        ]),
        new("founder_notes", "Founder Notes", "Lessons from nine years of building startups.", 23_900, 780, 0.35,
        [
            "We hit ${n}k MRR without a single ad. Everything came from talking to users every week.",
            "Fundraising advice nobody gives: investors fund momentum, not decks.",
            "The best startup ideas look like toys at first.",
            "Bootstrapped founders: what was your first marketing channel that actually worked?",
            "{n} things I would do differently if I started my SaaS again today.",
        ]),
        new("deepwork_dana", "Dana | Deep Work", "Focus, habits and calm productivity.", 15_400, 290, 0.3,
        [
            "Your calendar is a to do list with deadlines. Block the deep work first.",
            "I tried a {n}-hour focus block every morning for a month. My output doubled.",
            "Productivity is mostly about removing distractions, not adding apps.",
            "How do you protect your focus when everything is urgent?",
        ]),
        new("growth_loops_io", "Growth Loops", "Marketing experiments, shared openly.", 31_700, 1_020, 0.35,
        [
            "Our newsletter grew {n}x after we cut every post to one idea.",
            "Content distribution matters more than content creation. Spend half your time on it.",
            "SEO in 2026: write for the person, structure for the machine.",
            "What landing page change gave you the biggest conversion jump?",
        ]),
        new("career_compass", "Career Compass", "Honest career advice for engineers and makers.", 19_800, 640, 0.3,
        [
            "The interview is a conversation, not an exam. Ask them {n} questions back.",
            "Your next promotion depends on what your manager can say about you in one sentence.",
            "Remote work tip: write things down. Visibility is the job now.",
            "Junior devs: what would help you most in your first year?",
        ]),
        new("rustacean_rita", "Rita writes code", "Systems programming, Rust and C#, mostly bugs.", 12_300, 350, 0.4,
        [
            "Spent {n} hours on a bug that was a missing await. Every single time.",
            "Refactoring rule: make the change easy, then make the easy change.",
            "Unit tests are documentation that fails when it lies.",
            "Which language taught you the most about programming, and why?",
            "Debugging tip: write down what you expect before you run the code.",
        ]),
        new("indie_hacker_sam", "Sam builds in public", "Building tiny SaaS products in public.", 8_700, 510, 0.3,
        [
            "Day {n} of building in public: first paying customer. Still can't believe it.",
            "Shipped a landing page in {n} hours. Validation before code, always.",
            "Indie hackers: how do you decide what not to build?",
        ]),
        new("ml_paper_bites", "ML Paper Bites", "One machine learning paper, explained simply.", 27_500, 220, 0.35,
        [
            "Paper of the day: a {n}-layer transformer learns to sort. The attention maps are beautiful.",
            "Deep learning folklore that turned out false: bigger batches always train faster.",
            "Which machine learning paper changed how you think about models?",
            "Data quality beats model size in {n} out of 10 ablations we ran.",
        ]),
    ];
}
