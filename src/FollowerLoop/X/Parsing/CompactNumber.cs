using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// A count as x.com displays it: exact ("12", "1,017") or rounded with a K/M/B suffix ("1.2K",
/// "45.3M"). <see cref="IsExact"/> is false for the rounded forms.
/// </summary>
public readonly partial record struct CompactNumber(long Value, bool IsExact)
{
    /// <summary>Parses a displayed count; throws <see cref="FormatException"/> naming the text when it is not one.</summary>
    public static CompactNumber Parse(string text) =>
        TryParse(text, out var number)
            ? number
            : throw new FormatException($"'{text}' is not a count as x.com shows it (expected e.g. \"12\", \"1,017\", \"1.2K\", \"45.3M\").");

    public static bool TryParse(string? text, out CompactNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hasFraction = match.Groups["fraction"].Success;
        var suffix = match.Groups["suffix"];
        if (hasFraction && !suffix.Success)
        {
            // "1.5" is not a count; only the rounded K/M/B forms carry a fraction.
            return false;
        }

        var digits = match.Groups["integer"].Value.Replace(",", "", StringComparison.Ordinal)
            + (hasFraction ? "." + match.Groups["fraction"].Value : "");
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var multiplier = suffix.Success ? Multiplier(suffix.Value[0]) : 1m;
        var scaled = decimal.Round(value * multiplier, MidpointRounding.AwayFromZero);
        if (scaled > long.MaxValue)
        {
            return false;
        }

        number = new CompactNumber((long)scaled, IsExact: !suffix.Success);
        return true;
    }

    private static decimal Multiplier(char suffix) => char.ToUpperInvariant(suffix) switch
    {
        'K' => 1_000m,
        'M' => 1_000_000m,
        _ => 1_000_000_000m,
    };

    // Digits with well-formed thousands separators, an optional fraction, an optional K/M/B.
    [GeneratedRegex(@"^(?<integer>\d{1,3}(?:,\d{3})+|\d{1,28})(?:\.(?<fraction>\d{1,6}))?(?<suffix>[KMBkmb])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
