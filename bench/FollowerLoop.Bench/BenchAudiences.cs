using System.CommandLine;
using System.CommandLine.Parsing;

namespace FollowerLoop.Bench;

/// <summary>The audience profiles the benchmarks run on, and the check of the ones given on the command line.</summary>
internal static class BenchAudiences
{
    /// <summary>The built-in audience (null) and every profile in bench/audiences, by name (run from the repository root, as scripts/bench does).</summary>
    public static IReadOnlyList<string?> InRepository() =>
        [null, .. Directory.GetFiles(Path.Combine("bench", "audiences"), "*.json").Order(StringComparer.Ordinal).Select(Path.GetFullPath)];

    /// <summary><c>--audience-file</c>, repeatable, each file checked to exist: profiles besides the repository's.</summary>
    public static Option<FileInfo[]> MoreFilesOption()
    {
        var files = new Option<FileInfo[]>("--audience-file") { Description = "More audience profiles (repeatable), such as ones kept outside the repository." };
        files.Validators.Add(MustExist);
        return files;
    }

    /// <summary><c>--seeds</c>: the audience seeds 1..N each profile runs on.</summary>
    public static Option<int> SeedsOption()
    {
        var seeds = new Option<int>("--seeds") { Description = "Audience seeds per profile (1..N).", DefaultValueFactory = _ => 3 };
        seeds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--seeds must be at least 1.");
            }
        });
        return seeds;
    }

    /// <summary>An <c>--audience-file</c> validator, for one file or many: each must exist.</summary>
    public static void MustExist(OptionResult result)
    {
        foreach (var missing in result.Tokens.Select(token => new FileInfo(token.Value)).Where(file => !file.Exists))
        {
            result.AddError($"--audience-file {missing.FullName} does not exist.");
        }
    }
}
