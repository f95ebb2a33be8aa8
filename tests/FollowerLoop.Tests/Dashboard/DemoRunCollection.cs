namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// The dashboard test classes share one demo run: the slowest fixture of the suite, and a timed one (48 virtual
/// hours in 29 s), so it runs with no other test beside it: on 2 busy cores its checkpoints fell minutes behind.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoRunCollection : ICollectionFixture<DemoRunFixture>
{
    public const string Name = "demo run";
}
