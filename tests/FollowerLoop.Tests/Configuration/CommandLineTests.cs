using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using FollowerLoop.Demo;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Time;
using FollowerLoop.Worker.Commands;

namespace FollowerLoop.Tests.Configuration;

/// <summary>
/// <c>followerloop</c> and <c>followerloop-demo</c> as a new user meets them (issue #18): a wrong setting or option
/// exits 2 naming it and what it takes, before anything starts, never with a stack trace.
/// </summary>
public sealed partial class CommandLineTests
{
    /// <summary>Everything else the worker needs, valid; nothing listens at these addresses, should a wrong setting get through.</summary>
    private static readonly string[] Valid =
    [
        "--Account:Handle=fl_demo",
        "--Database:ConnectionString=Host=127.0.0.1;Port=1;Username=nobody;Database=nothing",
        $"--Redis:Configuration={TestEnvironment.DeadRedis}",
    ];

    [Theory]
    [InlineData("run", "Plan:Spacing", "abc", "Plan:Spacing 'abc' is not a duration such as 00:30:00")]
    [InlineData("run", "Clock:Mode", "Fast", "Clock:Mode 'Fast' is not one of Real, Accelerated")]
    [InlineData("run", "Plan:Exploration", "Foo", "Plan:Exploration 'Foo' is not one of Thompson, Ucb")]
    [InlineData("run", "Posting:Enabled", "maybe", "Posting:Enabled 'maybe' is not true or false")]
    [InlineData("run", "Browser:Headless", "maybe", "Browser:Headless 'maybe' is not true or false")]
    [InlineData("run", "Clock:Epoch", "yesterday", "Clock:Epoch 'yesterday' is not a date and time")]
    [InlineData("run", "Logging:LogLevel:Default", "Loud", "Configuration value 'Loud' is not supported")]
    [InlineData("run", "Jobs:Schedules:Posting", "not a cron", "Jobs:Schedules:Posting 'not a cron' is not a valid cron expression")]
    [InlineData("run", "Clock:Factor", "0", "Clock:Factor must be between 1 and 100000")]
    [InlineData("run", "Database:ConnectionString", "Hots=nowhere", "Database:ConnectionString is not a valid Npgsql connection string")]
    [InlineData("dashboard", "Clock:Factor", "0", "Clock:Factor must be between 1 and 100000")]
    [InlineData("dashboard", "Database:ConnectionString", "Hots=nowhere", "Database:ConnectionString is not a valid Npgsql connection string")]
    [InlineData("dashboard", "Dashboard:TrustLoopback", "maybe", "Dashboard:TrustLoopback 'maybe' is not true or false")]
    public async Task AWrongSetting_Exits2NamingIt(string command, string key, string value, string expected)
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), [command, .. Valid, $"--{key}={value}"]);

        run.AssertRefused(expected);
    }

    [Fact]
    public async Task Run_WithSeveralWrongValues_NamesEach()
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), ["run", .. Valid, "--Plan:Spacing=abc", "--Posting:Enabled=maybe"]);

        run.AssertRefused("Plan:Spacing 'abc'");
        Assert.Contains("Posting:Enabled 'maybe'", run.Error);
    }

    [Fact]
    public async Task AWrongConnectionString_IsNamed_WithoutItsPassword()
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), ["run", .. Valid, "--Database:ConnectionString=Password=hunter2-secret;Hots=nowhere"]);

        run.AssertRefused("Database:ConnectionString");
        Assert.DoesNotContain("hunter2-secret", run.Output + run.Error);
    }

    [Theory]
    [InlineData("report --days abc", "--days 'abc' is not a whole number from 1 to 365")]
    [InlineData("report --days 0", "--days '0' is not a whole number from 1 to 365")]
    [InlineData("report --days 366", "--days '366' is not a whole number from 1 to 365")]
    [InlineData("report --until someday", "--until 'someday' is not a date and time")]
    [InlineData("report --weeks 2", "Unrecognized command or argument '--weeks'")]
    [InlineData("x parse /nonexistent/page.html", "File does not exist: '/nonexistent/page.html'")]
    [InlineData("x parse /nonexistent/page.html --tweet-id abc", "--tweet-id 'abc' is not a post id")]
    [InlineData("x auth --redirect-url notaurl", "--redirect-url 'notaurl' is not an absolute http(s) URL")]
    [InlineData("x auth --code 123 --redirect-url http://127.0.0.1:8723/callback", "Give --code or --redirect-url, not both")]
    [InlineData("x login --headless", "Unrecognized command or argument '--headless'")]
    [InlineData("check --account maybe", "Unrecognized command or argument 'maybe'")]
    [InlineData("grow", "Unrecognized command or argument 'grow'")]
    public async Task AWrongOption_Exits2NamingIt(string arguments, string expected)
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), arguments.Split(' '));

        run.AssertRefused(expected);
    }

    [Theory]
    [InlineData("grow", "See 'followerloop --help' for the usage.")]
    [InlineData("report --weeks 2", "See 'followerloop report --help' for the usage.")]
    [InlineData("x login --headless", "See 'followerloop x login --help' for the usage.")]
    public async Task ACommandLineThatDoesNotParse_SaysWhereTheUsageIs_OnStderr_AndPrintsNothingOnStdout(string arguments, string expected)
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), arguments.Split(' '));

        run.AssertRefused(expected);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task XAuth_WithAnEmptyCode_Exits2()
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), "x", "auth", "--code", " ");

        run.AssertRefused("--code is empty");
    }

    [Fact]
    public async Task Migrate_WithAnUnsetPasswordVariable_Exits2NamingIt()
    {
        var variable = $"FL_TEST_UNSET_{Guid.NewGuid():N}";

        var run = await CommandLineRun.RunAsync(Cli.Create(), "migrate", "--app-role-password-from-env", variable);

        run.AssertRefused($"the environment variable '{variable}' is not set");
    }

    [Fact]
    public async Task Migrate_WithANonAsciiPassword_Exits2BeforeMigrating()
    {
        var variable = $"FL_TEST_PASSWORD_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "pässword");
        try
        {
            var run = await CommandLineRun.RunAsync(Cli.Create(), "migrate", "--app-role-password-from-env", variable);

            run.AssertRefused("must be non-empty ASCII text");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("--posts -3", "--posts '-3' is not a whole number from 1 to 1000")]
    [InlineData("--posts many", "--posts 'many' is not a whole number")]
    [InlineData("--factor 0", "--factor '0' is not a number from 1 to 100000")]
    [InlineData("--urls notaurl", "--urls 'notaurl' is not an absolute http(s) URL")]
    [InlineData("--urls ftp://127.0.0.1:5080", "--urls 'ftp://127.0.0.1:5080' is not an absolute http(s) URL")]
    [InlineData("--timeout 0", "--timeout '0' is not a duration")]
    [InlineData("--audience-seed x", "Cannot parse argument 'x' for option '--audience-seed'")]
    [InlineData("--provider Carrier", "Cannot parse argument 'Carrier' for option '--provider'")]
    public async Task Demo_WithAWrongOption_Exits2NamingIt(string options, string expected)
    {
        var run = await CommandLineRun.RunAsync(DemoCommand.Create(), options.Split(' '));

        run.AssertRefused(expected);
    }

    [Fact]
    public async Task Demo_FactorRange_IsClockFactors()
    {
        var run = await CommandLineRun.RunAsync(DemoCommand.Create(), "--factor", (ClockOptions.MaxFactor + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.AssertRefused("--factor");
    }

    [Theory]
    [InlineData("--help", "followerloop [command] [options]")]
    [InlineData("report --help", "followerloop report [options]")]
    public async Task Usage_SaysFollowerloop(string arguments, string expected)
    {
        var run = await CommandLineRun.RunAsync(Cli.Create(), arguments.Split(' '));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output);
        Assert.DoesNotContain("FollowerLoop.Worker", run.Output);
    }

    [Fact]
    public async Task DemoUsage_SaysFollowerloopDemo()
    {
        var run = await CommandLineRun.RunAsync(DemoCommand.Create(), "--help");

        Assert.Contains("followerloop-demo [options]", run.Output);
    }

    /// <summary>Every <c>Section:Key</c> a help text names is a property of that section's options (the login's named XClient:Headless, which is Browser:Headless).</summary>
    [Fact]
    public void HelpTexts_NameRealSettings()
    {
        var sections = typeof(ClockOptions).Assembly.GetTypes().Concat(typeof(Cli).Assembly.GetTypes())
            .Select(type => (type, field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.field is { IsLiteral: true })
            .ToDictionary(t => (string)t.field!.GetRawConstantValue()!, t => t.type);
        var named = Descriptions(Cli.Create()).SelectMany(text => SettingKey().Matches(text).Select(m => m.Value)).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, key => Assert.True(Resolves(sections, key), $"a help text names {key}, which is not a setting"));
    }

    private static IEnumerable<string> Descriptions(Command command) =>
        new[] { command.Description ?? "" }
            .Concat(command.Options.Select(o => o.Description ?? ""))
            .Concat(command.Arguments.Select(a => a.Description ?? ""))
            .Concat(command.Subcommands.SelectMany(Descriptions));

    private static bool Resolves(Dictionary<string, Type> sections, string key)
    {
        var parts = key.Split(':');
        if (!sections.TryGetValue(parts[0], out var type))
        {
            return false;
        }

        foreach (var part in parts.Skip(1))
        {
            type = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key as help texts write one; not the <c>--Section:Key=value</c> placeholder of extra arguments.</summary>
    [GeneratedRegex(@"(?<![\w:-])[A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9]*)+")]
    private static partial Regex SettingKey();
}
