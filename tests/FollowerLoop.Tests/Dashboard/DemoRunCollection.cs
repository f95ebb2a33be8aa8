namespace FollowerLoop.Tests.Dashboard;

/// <summary>The dashboard test classes share one demo run: it is the slowest fixture of the suite.</summary>
[CollectionDefinition(Name)]
public sealed class DemoRunCollection : ICollectionFixture<DemoRunFixture>
{
    public const string Name = "demo run";
}
