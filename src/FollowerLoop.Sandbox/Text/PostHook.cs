namespace FollowerLoop.Sandbox.Text;

/// <summary>How the first line opens (first match wins, in this order).</summary>
public enum PostHook
{
    /// <summary>Starts with a digit ("7 tools…", "90% of…").</summary>
    Number,

    /// <summary>The first line ends with "?".</summary>
    Question,

    /// <summary>Starts with "Stop", "Don't", "Never", "Most people", "Everyone", "Nobody", "Forget", "Unpopular opinion", "Hot take".</summary>
    Contrarian,

    /// <summary>Starts with "You", "Your" or "If you".</summary>
    You,

    /// <summary>Starts with "Here's", "Here is", "This is", "The secret", "The truth", "The real reason", "Why", "What nobody".</summary>
    Curiosity,

    /// <summary>Starts in the first person ("I ", "I'm", "My ", "When I", "Last year", "Yesterday").</summary>
    Story,

    /// <summary>Anything else.</summary>
    Plain,
}
