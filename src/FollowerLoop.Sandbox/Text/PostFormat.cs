namespace FollowerLoop.Sandbox.Text;

/// <summary>The shape of a post, recognised from its structure (rules in <see cref="TextFeatureExtractor"/>, first match wins).</summary>
public enum PostFormat
{
    /// <summary>Contains 🧵, or the first line starts with "Thread"/"A thread" or ends with "1/" or "1/n".</summary>
    Thread,

    /// <summary>At least three lines starting with "1." / "1)" / "-" / "•" / "*" / "→" / "✅".</summary>
    List,

    /// <summary>Starts with "How to", "How I", "Here's how" or "Here is how".</summary>
    HowTo,

    /// <summary>"Unpopular opinion", "Hot take", "overrated", "underrated", "is dead", "nobody talks about", "change my mind".</summary>
    HotTake,

    /// <summary>The last line ends with "?".</summary>
    Question,

    /// <summary>A percentage, a dollar amount, a multiplier ("10x"), or a number next to "study", "survey", "data", "research", "report".</summary>
    Stat,

    /// <summary>The first line starts in the first person: "I ", "I'm", "My ", "When I", "Last year", "Yesterday", "Years ago".</summary>
    Story,

    /// <summary>One line of at most 100 weighted characters.</summary>
    OneLiner,

    /// <summary>None of the above.</summary>
    Statement,
}
