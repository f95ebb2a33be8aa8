using System.CommandLine.Parsing;
using System.Globalization;

namespace FollowerLoop.Worker.Commands;

/// <summary>
/// Parsers that check an option's value as they read it, so that a wrong one is a parse error (exit 2) that names
/// the option and what it takes. A validator would not do: System.CommandLine runs validators before converting,
/// and reading a value that does not convert throws there (<c>report --days abc</c> aborted the process).
/// </summary>
internal static class OptionValues
{
    private delegate bool TryRead<T>(string text, out T value);

    public static Func<ArgumentResult, int> WholeNumber(int min, int max) =>
        Read((string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max,
            $"a whole number from {min} to {max}");

    public static Func<ArgumentResult, double> Number(double min, double max) =>
        Read((string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max,
            string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"));

    public static Func<ArgumentResult, TimeSpan> Duration(TimeSpan min, TimeSpan max) =>
        Read((string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= min && value <= max,
            $"a duration from {min} to {max} (hh:mm:ss)");

    /// <summary>A moment; one without an offset is UTC.</summary>
    public static Func<ArgumentResult, DateTimeOffset?> Moment() =>
        Read((string text, out DateTimeOffset? value) =>
            {
                var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment);
                value = moment;
                return ok;
            },
            "a date and time such as 2026-01-05T06:00:00Z");

    /// <summary>A database name as Postgres takes it unquoted: letters, digits and underscores, not starting with a digit.</summary>
    public static Func<ArgumentResult, string> DatabaseName() =>
        Read((string text, out string value) =>
            {
                value = text;
                return text.Length is > 0 and <= 63 && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            },
            "a database name of letters, digits and underscores such as followerloop_demo");

    /// <summary>An absolute http(s) address, given back without a trailing slash (paths are appended to it).</summary>
    public static Func<ArgumentResult, string> HttpUrl(string example) =>
        Read((string text, out string value) =>
            {
                value = text.TrimEnd('/');
                return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            },
            $"an absolute http(s) URL such as {example}");

    private static Func<ArgumentResult, T> Read<T>(TryRead<T> tryRead, string accepted) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!tryRead(text, out var value))
        {
            result.AddError($"{(result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name)} '{text}' is not {accepted}.");
        }

        return value;
    };
}
