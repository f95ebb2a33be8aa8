using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Npgsql;

namespace FollowerLoop.Tests.Configuration;

/// <summary>The built programs, started as a person starts them, with settings in environment variables (issue #18).</summary>
public sealed class CommandProcessTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["Account__Handle"] = "fl_demo",
        ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing",
        ["Redis__Configuration"] = TestEnvironment.DeadRedis,
    };

    [Theory]
    [InlineData("run", "Plan__Spacing", "abc", "Plan:Spacing 'abc' is not a duration")]
    [InlineData("run", "Clock__Factor", "0", "Clock:Factor must be between 1 and 100000")]
    [InlineData("report", "Clock__Mode", "Fast", "Clock:Mode 'Fast' is not one of Real, Accelerated")]
    [InlineData("report", "Plan__Exploration", "Foo", "Plan:Exploration 'Foo' is not one of Thompson, Ucb")]
    [InlineData("check", "Posting__Enabled", "maybe", "Posting:Enabled 'maybe' is not true or false")]
    [InlineData("x login", "Browser__Headless", "maybe", "Browser:Headless 'maybe' is not true or false")]
    [InlineData("migrate", "Database__ConnectionString", "Hots=nowhere", "Database:ConnectionString is not a valid Npgsql connection string")]
    public async Task Followerloop_WithAWrongSettingInTheEnvironment_Exits2NamingIt(string command, string variable, string value, string expected)
    {
        var run = await CommandLineRun.OfProgramAsync("FollowerLoop.Worker.dll", command.Split(' '), new Dictionary<string, string>(Valid) { [variable] = value });

        run.AssertRefused(expected);
    }

    [Fact]
    public async Task Demo_WithAWrongOption_Exits2NamingIt()
    {
        var run = await CommandLineRun.OfProgramAsync("FollowerLoop.Demo.dll", ["--posts", "-3"], Valid);

        run.AssertRefused("--posts '-3' is not a whole number");
    }

    [Fact]
    public async Task Migrate_PrintsWhatItAppliedOnce()
    {
        await using var database = new PostgresDatabase();
        await database.CreateEmptyAsync();

        var (exitCode, output, error) = await CommandLineRun.OfProgramAsync("FollowerLoop.Worker.dll", ["migrate"], new Dictionary<string, string>(Valid) { ["Database__ConnectionString"] = database.ConnectionString });

        Assert.True(exitCode == 0, error);
        // The first migration's version: in the command's summary, and before, in a log line of its own.
        Assert.Single(output.Split('\n'), line => line.Contains("20261124000100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_WithDatabase_ReadsThatDatabaseOnTheConfiguredServer()
    {
        // What the demo prints at its end: its database by name, on the server the settings point at.
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        var postedAt = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        var item = Samples.Content("One option to read the demo's database afterwards.", postedAt) with { Account = "fl_demo" };
        await new ContentStore(database.DataSource).EnqueueAsync(item, TestContext.Current.CancellationToken);
        await new PostStore(database.DataSource).RecordPostedAsync(new PostRecord(item.DecisionId, "2008140521402273793", "fl_demo", postedAt, null), postedAt, TestContext.Current.CancellationToken);
        var otherDatabase = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "followerloop_not_this_one" }.ConnectionString;

        var (exitCode, output, error) = await CommandLineRun.OfProgramAsync(
            "FollowerLoop.Worker.dll", ["report", "--database", database.Name, "--until", "2026-01-06T00:00:00Z"], new Dictionary<string, string>(Valid) { ["Database__ConnectionString"] = otherDatabase });

        Assert.True(exitCode == 0, $"exit {exitCode}; error: {error}");
        Assert.Contains("1 posted", output);
    }

    [Fact]
    public async Task Report_WithADatabaseNameThatIsNotOne_Exits2()
    {
        var run = await CommandLineRun.OfProgramAsync("FollowerLoop.Worker.dll", ["report", "--database", "demo;drop"], Valid);

        run.AssertRefused("--database 'demo;drop' is not a database name");
    }
}
