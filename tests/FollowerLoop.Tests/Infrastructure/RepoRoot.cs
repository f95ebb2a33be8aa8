namespace FollowerLoop.Tests.Infrastructure;

internal static class RepoRoot
{
    /// <summary>The folder holding FollowerLoop.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FollowerLoop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FollowerLoop.sln not found above " + AppContext.BaseDirectory);
    }
}
