using System.Net;
using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Tests;

public sealed class ProfileTests
{
    [Fact]
    public async Task Profile_ShowsCompactFollowersAndFollowingLinks()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");

        Assert.Contains("@" + sandbox.Handle, page.QuerySelector("[data-testid='UserName']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12.4K Followers", Text(page.QuerySelector($"a[href='/{sandbox.Handle}/verified_followers']")!));
        Assert.Equal("318 Following", Text(page.QuerySelector($"a[href='/{sandbox.Handle}/following']")!));
    }

    [Fact]
    public async Task Profile_WithOneFollower_UsesTheSingular()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audience-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"account":{"initialFollowers":1,"following":1017},"organic":{"gainsPerHour":0,"lossesPerHour":0}}""", TestContext.Current.CancellationToken);
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(options => options.AudienceFile = file);
            await sandbox.LogInAsync();

            var page = await sandbox.GetPageAsync($"/{sandbox.Handle}");

            Assert.Equal("1 Follower", Text(page.QuerySelector($"a[href='/{sandbox.Handle}/verified_followers']")!));
            Assert.Equal("1,017 Following", Text(page.QuerySelector($"a[href='/{sandbox.Handle}/following']")!));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UserByScreenName_HasTheExactCounts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        await sandbox.PostAsync("How to write a README people read:\n1. Start with the why\n2. Show the command\n3. Show the output");
        sandbox.Clock.Advance(TimeSpan.FromHours(20));

        // x.com's schema since August 2026: no legacy block, the counts under relationship_counts and tweet_counts.
        var user = (await UserAsync(sandbox, sandbox.Handle))["data"]!["user"]!["result"]!;

        Assert.Null(user["legacy"]);
        Assert.Equal(sandbox.World.GetFollowers(), user["relationship_counts"]!["followers"]!.GetValue<long>());
        Assert.NotEqual(12_400, user["relationship_counts"]!["followers"]!.GetValue<long>());
        Assert.Equal(318, user["relationship_counts"]!["following"]!.GetValue<long>());
        Assert.Equal(1205, user["tweet_counts"]!["tweets"]!.GetValue<long>());
    }

    [Fact]
    public async Task UserByScreenName_ForAnUnknownName_AnswersEmptyData()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var json = await UserAsync(sandbox, "nobody_here");

        Assert.Empty(json["data"]!.AsObject());
    }

    [Fact]
    public async Task SeededAccountProfile_IsShownToo()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var page = await sandbox.GetPageAsync("/ai_signal_daily");

        Assert.Equal("48.2K Followers", Text(page.QuerySelector("a[href='/ai_signal_daily/verified_followers']")!));
    }

    [Fact]
    public async Task UnknownProfile_Answers200WithXcomsMissingAccountText()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        using var response = await sandbox.Client.GetAsync("/nobody_here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SandboxHost.ParseAsync(response);
        Assert.Equal("This account doesn’t exist", page.QuerySelector("[data-testid='empty_state_header_text']")!.TextContent);
    }

    private static async Task<JsonNode> UserAsync(SandboxHost sandbox, string screenName)
    {
        var variables = Uri.EscapeDataString($$"""{"screen_name":"{{screenName}}","withSafetyModeUserFields":true}""");
        using var response = await sandbox.Client.GetAsync($"/i/api/graphql/qW5u-DAuXpMEG0zA1F7UGQ/UserByScreenName?variables={variables}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxHost.ReadJsonAsync(response);
    }

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
