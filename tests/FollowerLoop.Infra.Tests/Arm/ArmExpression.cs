using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowerLoop.Infra.Tests.Arm;

/// <summary>
/// The little of ARM's template language the tests need: telling expressions from literals,
/// quoting literals, and evaluating <c>format()</c> once every argument is a literal.
/// </summary>
internal static partial class ArmExpression
{
    /// <summary>"[...]" is an expression; "[[..." is an escaped literal.</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    public static string Inner(string expression) => expression[1..^1];

    public static string Quote(string literal) => $"'{literal.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The value of an expression body that is a bare literal ('text', 8080, true), else null.</summary>
    public static string? AsLiteral(string body)
    {
        var match = WholeLiteral().Match(body);
        if (!match.Success)
        {
            return null;
        }

        return body.StartsWith('\'') ? Unquote(body) : body;
    }

    /// <summary>Evaluates <c>format('...', literal, ...)</c>; anything else comes back as it was.</summary>
    public static string EvaluateFormat(string body)
    {
        var match = LiteralFormat().Match(body);
        if (!match.Success)
        {
            return body;
        }

        var arguments = LiteralToken().Matches(match.Groups["args"].Value)
            .Select(token => AsLiteral(token.Value)!)
            .ToArray();
        var pattern = Unquote(match.Groups["pattern"].Value);
        var result = new StringBuilder(pattern);
        for (var i = 0; i < arguments.Length; i++)
        {
            result.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", arguments[i]);
        }

        return Quote(result.ToString());
    }

    private static string Unquote(string quoted) => quoted[1..^1].Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:'(?:[^']|'')*'|-?\d+|true|false)$")]
    private static partial Regex WholeLiteral();

    [GeneratedRegex(@"'(?:[^']|'')*'|-?\d+|true|false")]
    private static partial Regex LiteralToken();

    [GeneratedRegex(@"^format\((?<pattern>'(?:[^']|'')*')(?<args>(?:\s*,\s*(?:'(?:[^']|'')*'|-?\d+|true|false))*)\)$")]
    private static partial Regex LiteralFormat();
}
