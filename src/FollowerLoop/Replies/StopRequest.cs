using System.Text.RegularExpressions;

namespace FollowerLoop.Replies;

/// <summary>
/// X asks automated accounts to honour "stop": a short post, once handles are set aside, that asks the
/// account to stop (or unsubscribe, leave me alone) ends every reply to its author.
/// </summary>
public static partial class StopRequest
{
    private const int MaxWords = 8;

    public static bool Is(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Handle().Replace(text, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= MaxWords && Asks().IsMatch(string.Join(' ', words));
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\b(stop|unsubscribe|leave me alone|don'?t (reply|respond|message|tag)|do not (reply|respond|message|tag))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asks();
}
