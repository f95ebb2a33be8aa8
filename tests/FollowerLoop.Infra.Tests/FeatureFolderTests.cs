using System.Text.RegularExpressions;

namespace FollowerLoop.Infra.Tests;

/// <summary>
/// The code's map stays one-way: within a project, a feature folder (its first-level namespace) may use another only if
/// that one does not use it back, read from the <c>using</c> directives as a newcomer would.
/// </summary>
public sealed partial class FeatureFolderTests(InfraBuild build)
{
    /// <summary>Each project's folder, whose name is also its root namespace.</summary>
    public static TheoryData<string> Projects =>
        ["src/FollowerLoop", "src/FollowerLoop.Worker", "src/FollowerLoop.Sandbox", "src/FollowerLoop.Demo", "src/FollowerLoop.Functions", "bench/FollowerLoop.Bench"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void NoTwoFeatureFolders_UseEachOther(string project)
    {
        var uses = FolderUses(Path.Combine(build.RepositoryRoot, project), Path.GetFileName(project));

        var ties = uses
            .SelectMany(from => from.Value.Select(to => (From: from.Key, To: to.Key, Files: to.Value)))
            .Where(tie => string.CompareOrdinal(tie.From, tie.To) < 0 && uses.GetValueOrDefault(tie.To)?.ContainsKey(tie.From) == true)
            .Select(tie => $"{tie.From} <-> {tie.To}: {string.Join(", ", tie.Files)} / {string.Join(", ", uses[tie.To][tie.From])}")
            .ToList();
        Assert.True(ties.Count == 0, $"{project}: feature folders that use each other:{Environment.NewLine}{string.Join(Environment.NewLine, ties)}");
    }

    [Fact]
    public void TheReading_FindsATie_WhenOneIsThere()
    {
        var root = Directory.CreateTempSubdirectory("feature-folders-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "A"));
            Directory.CreateDirectory(Path.Combine(root, "B"));
            File.WriteAllText(Path.Combine(root, "A", "One.cs"), "using Demo.B;\nnamespace Demo.A;\n");
            File.WriteAllText(Path.Combine(root, "B", "Two.cs"), "using Demo.A;\nnamespace Demo.B;\n");

            var uses = FolderUses(root, "Demo");

            Assert.Equal(["B"], uses["A"].Keys);
            Assert.Equal(["A"], uses["B"].Keys);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>For each first-level folder, the other folders of the project its files name in a <c>using</c>, and by which files.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> FolderUses(string projectDirectory, string rootNamespace)
    {
        var uses = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        var pattern = new Regex($@"^\s*@?using\s+(?:static\s+)?{Regex.Escape(rootNamespace)}\.(?<folder>\w+)", RegexOptions.Multiline);
        var files = Directory.EnumerateFiles(projectDirectory, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Where(path => !BuildOutput().IsMatch(Path.GetRelativePath(projectDirectory, path)));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(projectDirectory, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length < 2)
            {
                continue;
            }

            foreach (Match match in pattern.Matches(File.ReadAllText(file)))
            {
                var folder = match.Groups["folder"].Value;
                if (folder != parts[0])
                {
                    var byFolder = uses.TryGetValue(parts[0], out var found) ? found : uses[parts[0]] = new(StringComparer.Ordinal);
                    (byFolder.TryGetValue(folder, out var list) ? list : byFolder[folder] = []).Add(relative);
                }
            }
        }

        return uses;
    }

    [GeneratedRegex(@"^(bin|obj)[\\/]")]
    private static partial Regex BuildOutput();
}
