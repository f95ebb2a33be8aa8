namespace FollowerLoop.Sandbox.Tests;

/// <summary>The saved x.com responses in <c>shared/fixtures</c>, beside the repository (found upwards from the test binaries).</summary>
internal static class SharedFixtures
{
    public static string XGraphQl(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures", "x-graphql", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/fixtures/x-graphql/{file} not found above {AppContext.BaseDirectory}.");
    }
}
