using System.Text.RegularExpressions;

namespace FollowerLoop.Sandbox.Text;

/// <summary>The regular expressions behind <see cref="XComTweetLength"/> and <see cref="TextFeatureExtractor"/>.</summary>
internal static partial class TextPatterns
{
    /// <summary>http(s) links and bare domains with a common top-level domain, without trailing punctuation.</summary>
    [GeneratedRegex(@"(?:https?://[^\s]+?|(?<![@\w.])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|io|dev|ai|co|app|me|ly|xyz|so|gg)(?:/[^\s]*?)?)(?=[.,!?;:)\]]*(?:\s|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Url();

    [GeneratedRegex(@"(?<![\w#])#(?=[\p{N}_]*\p{L})[\p{L}\p{N}_]+")]
    public static partial Regex Hashtag();

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]\s+|[-•*→✅▪]\s*)\S")]
    public static partial Regex ListItem();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s?%|\$\s?\d|\b\d+(?:\.\d+)?x\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex StatNumber();

    [GeneratedRegex(@"\b(?:study|studies|survey|data|research|report)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex StatWord();

    [GeneratedRegex(@"^(?:a\s+)?thread\b|\b1/n?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ThreadFirstLine();

    [GeneratedRegex(@"^(?:how to|how i|here'?s how|here is how)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HowTo();

    [GeneratedRegex(@"unpopular opinion|hot take|\boverrated\b|\bunderrated\b|\bis dead\b|nobody talks about|change my mind", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HotTake();

    [GeneratedRegex(@"^(?:i\s|i'm\b|i've\b|i'd\b|my\s|when i\b|last year\b|yesterday\b|years ago\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FirstPerson();

    [GeneratedRegex(@"^(?:stop|don'?t|never|most people|everyone|nobody|forget|unpopular opinion|hot take)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ContrarianHook();

    [GeneratedRegex(@"^(?:you|your|if you)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex YouHook();

    [GeneratedRegex(@"^(?:here'?s|here is|this is|the secret|the truth|the real reason|why|what nobody)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CuriosityHook();

    [GeneratedRegex(@"[^\p{L}\p{N}#+]+")]
    public static partial Regex WordSeparator();
}
