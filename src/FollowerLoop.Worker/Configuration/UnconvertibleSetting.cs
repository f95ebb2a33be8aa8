using System.Text.RegularExpressions;

namespace FollowerLoop.Worker.Configuration;

/// <summary>A configuration value that could not be read as its setting's type, told as the setting, the value and what the setting takes.</summary>
internal static partial class UnconvertibleSetting
{
    private const string Binder = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>The binder's message is the only place that names the key, the value and the type together.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline)]
    private static partial Regex BinderMessage();

    /// <summary>
    /// "Plan:Spacing 'abc' is not a duration such as 00:30:00 …" for the binder's failures; any other failure to
    /// configure <paramref name="options"/> from their settings (logging's own levels, say) in its own words, which
    /// name the value.
    /// </summary>
    public static string Describe(InvalidOperationException exception, Type options)
    {
        var match = exception.Source == Binder ? BinderMessage().Match(exception.Message) : Match.Empty;
        return match.Success
            ? $"{match.Groups["key"].Value} '{match.Groups["value"].Value}' is not {Accepted(match.Groups["type"].Value)}."
            : $"{options.Name}: {exception.Message}";
    }

    private static string Accepted(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return type switch
        {
            null => $"a valid {typeName}",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a duration such as 00:30:00 (hh:mm:ss; a day is 1.00:00:00)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2026-01-05T06:00:00Z",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number such as 0.5",
            _ when type == typeof(Uri) => "a URL",
            _ => $"a valid {type.Name}",
        };
    }
}
