using System.Text.RegularExpressions;

namespace FollowerLoop.Worker.Configuration;

/// <summary>
/// A configuration value that could not be read as its setting's type, told as the setting, the value and what the setting
/// takes; or a key its options do not have (they are bound strictly), told with the settings they do have.
/// </summary>
internal static partial class UnconvertibleSetting
{
    private const string Binder = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>The binder's message is the only place that names the key, the value and the type together.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline)]
    private static partial Regex BinderMessage();

    [GeneratedRegex(@"^'ErrorOnUnknownConfiguration' was set on the provided BinderOptions, but the following properties were not found on the instance of (?<type>[^:]+): (?<keys>.*)$", RegexOptions.Singleline)]
    private static partial Regex UnknownKeysMessage();

    /// <summary>
    /// "Plan:Spacing 'abc' is not a duration such as 00:30:00 …" for the binder's failures; any other failure to
    /// configure <paramref name="options"/> from their settings (logging's own levels, say) in its own words, which
    /// name the value.
    /// </summary>
    public static string Describe(InvalidOperationException exception, Type options)
    {
        if (exception.Source == Binder && UnknownKeysMessage().Match(exception.Message) is { Success: true } unknown)
        {
            return Unknown(unknown.Groups["type"].Value, unknown.Groups["keys"].Value, options);
        }

        var match = exception.Source == Binder ? BinderMessage().Match(exception.Message) : Match.Empty;
        return match.Success
            ? $"{match.Groups["key"].Value} '{match.Groups["value"].Value}' is not {Accepted(match.Groups["type"].Value)}."
            : $"{options.Name}: {exception.Message}";
    }

    /// <summary>"Learn:MinRow is not a setting of Learn; it has MinRows, …" (a nested object's keys are named without their path).</summary>
    private static string Unknown(string typeName, string quotedKeys, Type options)
    {
        var type = TypeNamed(typeName);
        var section = type == options ? options.GetField("SectionName")?.GetValue(null) as string : null;
        var keys = quotedKeys.Split(", ").Select(k => k.Trim('\'')).Select(k => section is null ? k : $"{section}:{k}").ToList();
        var settings = type?.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList() ?? [];
        var verb = keys.Count == 1 ? "is not a setting" : "are not settings";
        return $"{string.Join(", ", keys)} {verb} of {section ?? type?.Name ?? typeName}; it has {string.Join(", ", settings)}.";
    }

    private static Type? TypeNamed(string typeName) =>
        Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);

    private static string Accepted(string typeName)
    {
        var type = TypeNamed(typeName);
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
