using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FollowerLoop.Learning;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// <c>--compare "rule=value;rule=value"</c> (repeatable, one set of rules each): engagement share's rules
/// (<see cref="EngagementShareRules"/>) that the run's data is replayed with beside the job's own
/// (<see cref="AttributionComparison"/>), such as <c>--compare "SteeperExponentBar=0.98" --compare ReachExponents=0.8,1.2,1.5</c>.
/// </summary>
internal static class CompareOption
{
    public static Option<string[]> Create()
    {
        var compare = new Option<string[]>("--compare")
        {
            Description = "Replay engagement share on the run's own data with these rules changed and report its error beside the job's "
                + "rules' on the same posts (rule=value;rule=value, repeatable: one set each; rules: ReachExponents (comma-separated), "
                + "SteeperExponentBar, FlatterExponentBar, MinPostsForReachExponent, FormatPull, LevelShrink).",
        };
        compare.Validators.Add(result =>
        {
            try
            {
                Sets(result.GetValueOrDefault<string[]>());
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                result.AddError($"--compare: {ex.Message}");
            }
        });
        return compare;
    }

    /// <summary>Each given set: its text and the job's rules with its rules changed.</summary>
    /// <exception cref="FormatException">A rule unknown, malformed, given twice in a set or out of range.</exception>
    /// <exception cref="OverflowException">A number too large.</exception>
    public static IReadOnlyList<ComparedRules> Sets(IReadOnlyList<string>? given) => [.. (given ?? []).Select(set => new ComparedRules(set, Rules(set)))];

    private static EngagementShareRules Rules(string set)
    {
        var rules = EngagementShareRules.Default;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in set.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !seen.Add(parts[0]))
            {
                throw new FormatException($"{item}: expected rule=value, each rule once");
            }

            var value = parts[1];
            rules = parts[0].ToLowerInvariant() switch
            {
                "reachexponents" => rules with { ReachExponents = [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Number)] },
                "steeperexponentbar" => rules with { SteeperExponentBar = Number(value) },
                "flatterexponentbar" => rules with { FlatterExponentBar = Number(value) },
                "minpostsforreachexponent" => rules with { MinPostsForReachExponent = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "formatpull" => rules with { FormatPull = Number(value) },
                "levelshrink" => rules with { LevelShrink = Number(value) },
                _ => throw new FormatException($"{parts[0]} is not a rule of engagement share"),
            };
        }

        return rules.Invalid() is { } invalid ? throw new FormatException($"{set}: {invalid}") : rules;
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>A set of engagement share's rules to compare, named by how it was given.</summary>
internal sealed record ComparedRules(string Name, EngagementShareRules Rules);
