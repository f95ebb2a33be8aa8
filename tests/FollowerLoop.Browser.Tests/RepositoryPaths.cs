using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Browser.Tests;

/// <summary>Paths relative to the repository: tests run from a clean clone with shared/ beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepoRoot.Path;

    /// <summary>The saved x.com pages: ../shared/fixtures/x-dom from the repository root.</summary>
    public static string XDomFixtures { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "x-dom"));

    /// <summary>The saved x.com GraphQL responses (their README lists the exact numbers in each): ../shared/fixtures/x-graphql.</summary>
    public static string XGraphQlFixtures { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "x-graphql"));
}
