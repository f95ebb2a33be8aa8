using FollowerLoop.Content;
using FollowerLoop.Scheduling;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Configuration;

public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["Account:Handle"] = "fl_demo",
        ["Database:ConnectionString"] = "Host=127.0.0.1;Port=55432;Username=postgres;Database=followerloop",
        ["Redis:Configuration"] = "127.0.0.1:56379",
    };

    private static (bool Ok, string Problems) Validate(params (string Key, string? Value)[] overrides)
    {
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs());
        var settings = new Dictionary<string, string?>(Good);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        using var host = builder.Build();
        var ok = HostFactory.TryValidate(host.Services, out var problems);
        return (ok, problems);
    }

    [Fact]
    public void GoodConfiguration_Validates()
    {
        var (ok, problems) = Validate();

        Assert.True(ok, problems);
    }

    [Fact]
    public void AnIanaTimeZone_Validates()
    {
        var (ok, problems) = Validate(("Account:TimeZone", "Asia/Kolkata"));

        Assert.True(ok, problems);
    }

    [Theory]
    [InlineData("Account:Handle", "", "Account:Handle is required")]
    [InlineData("Account:Handle", "@someone", "Account:Handle must be 1-15 letters")]
    [InlineData("Account:TimeZone", "Mars/Olympus", "Account:TimeZone 'Mars/Olympus' is not an IANA time zone")]
    [InlineData("Account:TimeZone", "W. Europe Standard Time", "Account:TimeZone 'W. Europe Standard Time' is not an IANA time zone")]
    [InlineData("Learn:HalfLife", "00:10:00", "Learn:HalfLife must be between")]
    [InlineData("Database:ConnectionString", "", "Database:ConnectionString is required")]
    [InlineData("Database:ConnectionString", "Hots=nowhere", "Database:ConnectionString is not a valid")]
    [InlineData("Database:CommandTimeout", "00:00:00", "Database:CommandTimeout must be between")]
    [InlineData("Redis:Configuration", "", "Redis:Configuration is required")]
    [InlineData("Redis:KeyPrefix", "has space", "Redis:KeyPrefix must be")]
    [InlineData("Jobs:Schedules:Posting", "every five minutes", "Jobs:Schedules:Posting 'every five minutes' is not a valid cron expression")]
    [InlineData("Jobs:Schedules:Learn", "61 * * * *", "Jobs:Schedules:Learn")]
    [InlineData("Plan:PostsPerDay", "13", "Plan:PostsPerDay (13) posts at least Plan:Spacing")]
    [InlineData("Content:NearDuplicateSimilarity", "0.1", "Content:NearDuplicateSimilarity must be between")]
    [InlineData("Llm:Endpoint", "https://api.openai.com/v1", "Llm:Model is required when Llm:Endpoint is set")]
    [InlineData("Llm:Endpoint", "ftp://llm.local", "Llm:Endpoint must be an absolute http(s) URL")]
    [InlineData("Reply:PerRun", "21", "Reply:PerRun must be between 0 and 20")]
    [InlineData("Reply:Freshness", "00:01:00", "Reply:Freshness must be between")]
    [InlineData("Learn:MinHoldoutRows", "15", "Learn:MinHoldoutRows must be at most half of Learn:MinRows")]
    [InlineData("Plan:Spacing", "abc", "Plan:Spacing 'abc' is not a duration such as 00:30:00")]
    [InlineData("Clock:Mode", "Fast", "Clock:Mode 'Fast' is not one of Real, Accelerated")]
    [InlineData("Posting:Enabled", "maybe", "Posting:Enabled 'maybe' is not true or false")]
    [InlineData("Learn:MinRows", "many", "Learn:MinRows 'many' is not a whole number")]
    [InlineData("Clock:Factor", "0", "Clock:Factor must be between 1 and 100000.")]
    [InlineData("Learn:MinRow", "10", "Learn:MinRow is not a setting of Learn; it has MinRows, MinNewRows, HoldoutShare")]
    [InlineData("Plan:PostPerDay", "4", "Plan:PostPerDay is not a setting of Plan; it has ")]
    [InlineData("Tracking:OverdueGrace", "00:05:00", "Tracking:OverdueGrace (00:05:00, 00:05:00 on the virtual clock) must be longer than a checkpoint's retry chain (00:07:00")]
    public void BadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        var (ok, problems) = Validate((key, value));

        Assert.False(ok);
        Assert.Contains(expected, problems);
    }

    [Theory]
    [InlineData(null, typeof(TemplateGenerator))]
    [InlineData("http://127.0.0.1:9/v1", typeof(LlmGenerator))]
    public void ContentGenerator_IsTheLlm_OnlyWhenAnEndpointIsConfigured(string? endpoint, Type expected)
    {
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddJobs());
        var settings = new Dictionary<string, string?>(Good);
        if (endpoint is not null)
        {
            settings["Llm:Endpoint"] = endpoint;
            settings["Llm:Model"] = "local-model";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        using var host = builder.Build();

        Assert.IsType(expected, host.Services.GetRequiredService<IContentGenerator>());
    }

    [Fact]
    public void Migrate_NeedsOnlyTheDatabaseSettings()
    {
        var builder = HostFactory.CreateBuilder(b => b.AddStorage());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = Good["Database:ConnectionString"],
            ["Account:Handle"] = "",
            ["Redis:Configuration"] = "",
        });
        using var host = builder.Build();

        Assert.True(HostFactory.TryValidate(host.Services, out var problems), problems);
    }

    [Fact]
    public async Task FollowerLoopProcess_WithBadConfiguration_ExitsWithCode2AndNamesTheSetting()
    {
        var run = await CommandLineRun.OfProgramAsync("FollowerLoop.Worker.dll", ["run"], new Dictionary<string, string>
        {
            ["Account__Handle"] = "fl_demo",
            ["Database__ConnectionString"] = Good["Database:ConnectionString"]!,
            ["Redis__Configuration"] = "",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Redis:Configuration is required", run.Error);
    }
}
