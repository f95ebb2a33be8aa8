using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The followers page /{handle}/followers and its Followers call, as x.com's client loads and scrolls them.</summary>
public sealed class FollowersTimelineTests
{
    private const string SmallAccount = """{"account":{"initialFollowers":60},"organic":{"gainsPerHour":0,"lossesPerHour":0},"followers":{"botShare":0.3}}""";

    [Fact]
    public async Task Followers_ListsTheAccountsFollowersNewestFirst_EachAUserWithTheirFacts()
    {
        await using var sandbox = await SmallAccountAsync();
        var truth = sandbox.Sandbox.World.GetFollowerList();

        var json = await FollowersAsync(sandbox.Sandbox, await UserTweetsCalls.RestIdAsync(sandbox.Sandbox, sandbox.Sandbox.Handle));

        Assert.Equal(truth.Take(20).Select(follower => $"user-{follower.UserId}"), UserEntries(json).Select(entry => entry["entryId"]!.GetValue<string>()));
        Assert.All(UserEntries(json).Zip(truth), pair => AssertIsUser(pair.First["content"]!["itemContent"]!["user_results"]!["result"]!, pair.Second));
        Assert.Contains(truth.Take(20), follower => follower.Facts.DefaultProfileImage);
    }

    [Fact]
    public async Task Followers_BottomCursor_PagesThroughEveryFollowerOnce_ThenMarksTheEnd()
    {
        await using var sandbox = await SmallAccountAsync();
        var userId = await UserTweetsCalls.RestIdAsync(sandbox.Sandbox, sandbox.Sandbox.Handle);

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? cursor = null;
        JsonNode json;
        do
        {
            json = await FollowersAsync(sandbox.Sandbox, userId, cursor, count: 25);
            var users = UserEntries(json).Select(entry => entry["entryId"]!.GetValue<string>()["user-".Length..]).ToList();
            pageSizes.Add(users.Count);
            seen.AddRange(users);
            cursor = UserTweetsCalls.Cursor(json, "Bottom");
        }
        while (pageSizes[^1] > 0 && pageSizes.Count < 10);

        Assert.Equal([25, 25, 10, 0], pageSizes);
        Assert.Equal(sandbox.Sandbox.World.GetFollowerList().Select(follower => follower.UserId), seen);
        // x.com's lists of users end with a Bottom cursor "0|…".
        Assert.StartsWith("0|", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Followers_OfASeededAccount_AreAnEmptyList_AndAnUnknownCursorIsRefused()
    {
        await using var sandbox = await SmallAccountAsync();
        var other = SandboxWorld.OtherAccounts[0].Handle;

        var json = await FollowersAsync(sandbox.Sandbox, await UserTweetsCalls.RestIdAsync(sandbox.Sandbox, other));
        using var refused = await sandbox.Sandbox.GraphQlAsync("Followers", """{"userId":"1","cursor":"not-a-cursor"}""");

        Assert.Empty(UserEntries(json));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Followers_UnderTheMissingFault_ComeWithoutTheirProfile()
    {
        await using var sandbox = await SmallAccountAsync();
        var userId = await UserTweetsCalls.RestIdAsync(sandbox.Sandbox, sandbox.Sandbox.Handle);
        await sandbox.Sandbox.QueueFaultAsync("missing", "/i/api/graphql/");

        var json = await FollowersAsync(sandbox.Sandbox, userId);

        Assert.All(UserEntries(json), entry => Assert.Null(entry["content"]!["itemContent"]!["user_results"]!["result"]!["core"]));
    }

    [Fact]
    public async Task FollowersPage_ShowsTheFirstPageAsUserCells_WithNameHandleAndBio_AndTheCellsEndpointTheNext()
    {
        await using var sandbox = await SmallAccountAsync();
        var truth = sandbox.Sandbox.World.GetFollowerList();

        var page = await sandbox.Sandbox.GetPageAsync($"/{sandbox.Sandbox.Handle}/followers");
        var next = await sandbox.Sandbox.GetPageAsync($"/i/sandbox/followers/{sandbox.Sandbox.Handle}/cells?cursor={Uri.EscapeDataString(Bottom(truth[19]))}");

        var cells = page.QuerySelectorAll("[aria-label^='Timeline: '] [data-testid='UserCell']").ToList();
        Assert.Equal(truth.Take(20).Select(follower => $"@{follower.Handle}"), cells.Select(cell => cell.QuerySelector("a[tabindex='-1']")!.TextContent));
        Assert.All(cells.Zip(truth), pair =>
        {
            Assert.Contains(pair.Second.DisplayName, pair.First.QuerySelector("a")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(pair.Second.Facts.Bio, pair.First.QuerySelector("div[dir='auto']")?.TextContent ?? string.Empty);
        });
        Assert.Equal("followers", SandboxHost.PageConfig(page)["page"]!.GetValue<string>());
        Assert.Equal(truth.Skip(20).Take(20).Select(follower => follower.UserId), next.QuerySelectorAll("[data-testid='UserCell']").Select(cell => cell.GetAttribute("data-sandbox-user-id")));
    }

    [Fact]
    public async Task FollowersPage_WithoutASession_RedirectsToTheLogin()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.GetAsync($"/{sandbox.Handle}/followers", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/i/flow/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void AssertIsUser(JsonNode user, SandboxFollower follower)
    {
        var facts = follower.Facts;
        Assert.Equal("User", user["__typename"]!.GetValue<string>());
        Assert.Equal(follower.UserId, user["rest_id"]!.GetValue<string>());
        Assert.Equal(follower.Handle, user["core"]!["screen_name"]!.GetValue<string>());
        Assert.Equal(follower.DisplayName, user["core"]!["name"]!.GetValue<string>());
        Assert.Equal(facts.CreatedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture), user["core"]!["created_at"]!.GetValue<string>());
        Assert.Equal(facts.Bio, user["profile_bio"]!["description"]!.GetValue<string>());
        Assert.Equal(facts.FollowersCount, user["relationship_counts"]!["followers"]!.GetValue<long>());
        Assert.Equal(facts.FollowingCount, user["relationship_counts"]!["following"]!.GetValue<long>());
        Assert.Equal(facts.PostsCount, user["tweet_counts"]!["tweets"]!.GetValue<long>());
        Assert.Equal(facts.Protected, user["privacy"]!["protected"]!.GetValue<bool>());
        Assert.Equal(facts.Verified, user["verification"]!["verified"]!.GetValue<bool>());
        Assert.Equal(facts.DefaultProfileImage, user["avatar"]!["image_url"]!.GetValue<string>().Contains("/default_profile_images/", StringComparison.Ordinal));
    }

    private static List<JsonNode> UserEntries(JsonNode json) =>
        [.. UserTweetsCalls.Entries(json).OfType<JsonNode>().Where(entry => entry["entryId"]!.GetValue<string>().StartsWith("user-", StringComparison.Ordinal))];

    private static async Task<JsonNode> FollowersAsync(SandboxHost sandbox, string userId, string? cursor = null, int count = 20)
    {
        var variables = new JsonObject { ["userId"] = userId, ["count"] = count, ["includePromotedContent"] = false };
        if (cursor is not null)
        {
            variables["cursor"] = cursor;
        }

        using var response = await sandbox.GraphQlAsync("Followers", variables.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxHost.ReadJsonAsync(response);
    }

    // The cursor the Followers call gives after this follower (its position).
    private static string Bottom(SandboxFollower last) => string.Create(CultureInfo.InvariantCulture, $"{last.FollowedAt.UtcTicks}|{last.Index}");

    private static async Task<SmallSandbox> SmallAccountAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audience-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, SmallAccount, TestContext.Current.CancellationToken);
        var sandbox = await SandboxHost.StartAsync(options => options.AudienceFile = file);
        await sandbox.LogInAsync();
        return new SmallSandbox(sandbox, file);
    }

    /// <summary>A sandbox whose account has 60 followers, and its audience file (deleted with it).</summary>
    private sealed record SmallSandbox(SandboxHost Sandbox, string AudienceFile) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Sandbox.DisposeAsync();
            File.Delete(AudienceFile);
        }
    }
}
