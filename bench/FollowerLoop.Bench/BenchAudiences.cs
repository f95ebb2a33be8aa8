using System.CommandLine.Parsing;

namespace FollowerLoop.Bench;

/// <summary>The audience profiles the benchmarks run on, and the check of the ones given on the command line.</summary>
internal static class BenchAudiences
{
    /// <summary>The built-in audience (null) and every profile in bench/audiences, by name (run from the repository root, as scripts/bench does).</summary>
    public static IReadOnlyList<string?> InRepository() =>
        [null, .. Directory.GetFiles(Path.Combine("bench", "audiences"), "*.json").Order(StringComparer.Ordinal).Select(Path.GetFullPath)];

    /// <summary>An <c>--audience-file</c> validator, for one file or many: each must exist.</summary>
    public static void MustExist(OptionResult result)
    {
        foreach (var missing in result.Tokens.Select(token => new FileInfo(token.Value)).Where(file => !file.Exists))
        {
            result.AddError($"--audience-file {missing.FullName} does not exist.");
        }
    }
}
